package dev.aftercart.core.testing;

import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.engine.EventOutcome;
import dev.aftercart.core.engine.MessageOutcome;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.ledger.LedgerEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An order's life after checkout, driven through an {@link EngineHarness}: the order is placed, its
 * shipments move through carrier statuses, and the messages the engine scheduled are sent when a
 * test fires them. Each event is accepted a moment after it happened (the clock moves forward to
 * its {@code occurredAt}), so "now" is always just after the latest event, as in production; unlike
 * {@link EngineHarness#arrive}, nothing scheduled fires on the way, so a test says which message it
 * is looking at.
 */
public final class Deliveries {

    /**
     * One shipped language's fixtures: the order, its whole-order shipment, the customer, and the
     * order's two lines (the first of quantity 1; the second's quantity) for splitting it in two.
     */
    public record Shop(String order, String shipment, String customerId, String orderId, String first, String second,
            int secondQuantity) {
    }

    public static final Shop EN = new Shop("order-placed.json", "shipment-in-transit.json", "c-1001", "o-1001",
            "p-100", "p-200", 2);
    public static final Shop KO = new Shop("order-placed-ko.json", "shipment-in-transit-ko.json", "c-2001", "o-2001",
            "p-300", "p-310", 2);
    public static final Shop TH = new Shop("order-placed-th.json", "shipment-in-transit-th.json", "c-3001", "o-3001",
            "p-400", "p-410", 1);

    /** {@link #shipParcel}'s parcels of a split order: the first line, then the second. */
    public static final int FIRST_PARCEL = 1;
    public static final int SECOND_PARCEL = 2;

    /** How long after an event the harness handles it, as EventBridge would a few seconds later. */
    private static final Duration LAG = Duration.ofSeconds(5);

    private final EngineHarness harness;

    public Deliveries(EngineHarness harness) {
        this.harness = harness;
    }

    /** Places the order of {@code fixture}, e.g. {@code order-placed-ko.json}. */
    public EventOutcome placeOrder(String fixture) {
        return accept(event(fixture));
    }

    /** Places the order of {@code fixture} from a customer who agreed to marketing email. */
    public EventOutcome placeOrderWithMarketingConsent(String fixture) {
        return accept(set(event(fixture), "detail.customer.consent.emailMarketing", true));
    }

    /** Accepts an event as its Lambda would, a moment after it happened; the clock never moves back. */
    public EventOutcome accept(Map<String, Object> envelope) {
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) envelope.get("detail");
        Instant handled = Instant.parse((String) detail.get("occurredAt")).plus(LAG);
        if (handled.isAfter(harness.clock.instant())) {
            harness.clock.set(handled);
        }
        return harness.accept(envelope);
    }

    /** The shop's whole-order shipment reports {@code status} at {@code occurredAt}. */
    public EventOutcome ship(Shop shop, String status, String occurredAt) {
        return accept(update(shop.shipment(), status, occurredAt));
    }

    /**
     * One parcel of the shop's order, split in two, reports {@code status} at {@code occurredAt}: parcel
     * {@link #FIRST_PARCEL} carries the first line, {@link #SECOND_PARCEL} the second.
     */
    public EventOutcome shipParcel(Shop shop, int parcel, String status, String occurredAt) {
        Map<String, Object> envelope = event(shop.shipment());
        String shipmentId = ((Map<?, ?>) envelope.get("detail")).get("shipmentId") + "-" + parcel;
        parcel(envelope, shipmentId, parcel == FIRST_PARCEL ? shop.first() : shop.second(),
                parcel == FIRST_PARCEL ? 1 : shop.secondQuantity());
        return accept(update(envelope, status, occurredAt));
    }

    /** The shipment of {@code fixture} reporting {@code status} at {@code occurredAt}, as a new event. */
    public static Map<String, Object> update(String fixture, String status, String occurredAt) {
        return update(event(fixture), status, occurredAt);
    }

    /** {@code envelope}'s shipment reporting {@code status} at {@code occurredAt}, as a new event. */
    public static Map<String, Object> update(Map<String, Object> envelope, String status, String occurredAt) {
        set(envelope, "id", envelope.get("id") + "-" + status);
        set(envelope, "time", occurredAt);
        set(envelope, "detail.status", status);
        set(envelope, "detail.occurredAt", occurredAt);
        return envelope;
    }

    /**
     * {@code envelope} as another parcel of a split order: shipment {@code shipmentId} carrying only
     * the given lines, as {@code productId, quantity} pairs.
     */
    public static Map<String, Object> parcel(Map<String, Object> envelope, String shipmentId, Object... lines) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("productId", lines[i]);
            // As parsed JSON has it: every number is a BigDecimal.
            item.put("quantity", BigDecimal.valueOf((Integer) lines[i + 1]));
            items.add(item);
        }
        set(envelope, "id", envelope.get("id") + "-" + shipmentId);
        set(envelope, "detail.shipmentId", shipmentId);
        set(envelope, "detail.items", items);
        return envelope;
    }

    /** Fires the schedule of a journey step's email; see {@link #sendScheduled}. */
    public MessageOutcome sendScheduledEmail(String customerId, String journeyId, String stepId) {
        return sendScheduled(customerId, journeyId, stepId, Channel.EMAIL);
    }

    /** Fires the schedule of a journey step's SMS; see {@link #sendScheduled}. */
    public MessageOutcome sendScheduledSms(String customerId, String journeyId, String stepId) {
        return sendScheduled(customerId, journeyId, stepId, Channel.SMS);
    }

    /**
     * Fires the schedule of a journey step's message as EventBridge Scheduler would: the clock moves
     * to the scheduled instant (never back) and the dispatcher is handed the message id.
     */
    public MessageOutcome sendScheduled(String customerId, String journeyId, String stepId, Channel channel) {
        LedgerEntry entry = harness.entry(customerId, journeyId, stepId, channel);
        RecordingScheduler.Schedule schedule = harness.scheduler.pending().stream()
                .filter(s -> s.messageId().equals(entry.messageId()))
                .reduce((earlier, later) -> later)
                .orElseThrow(() -> new AssertionError(journeyId + "/" + stepId + " was not scheduled"));
        if (schedule.at().isAfter(harness.clock.instant())) {
            harness.clock.set(schedule.at());
        }
        return harness.dispatcher.dispatch(customerId, schedule.messageId());
    }

    /** Records that the customer reviewed {@code productId}, as the review journey's intake would. */
    public void reviewed(String customerId, String productId, int rating) {
        CustomerProfile profile = harness.customers.profile(customerId).orElseThrow();
        Map<String, Engagement.ProductReview> reviews = new HashMap<>(profile.engagement().reviews());
        reviews.put(productId, new Engagement.ProductReview(rating, harness.clock.instant()));
        CustomerProfile next = profile.withEngagement(new Engagement(profile.engagement().marketingSends(), reviews));
        if (!harness.customers.saveProfile(next, profile.version())) {
            throw new AssertionError("profile changed underneath the test");
        }
    }

    /** Records that the customer sent {@code productId} back from the order, as the returns intake would. */
    public void returned(String customerId, String orderId, String productId) {
        OrderRecord order = harness.customers.order(customerId, orderId).orElseThrow();
        OrderRecord next = order.withReturn(new dev.aftercart.core.customer.ReturnRecord("r-" + productId,
                dev.aftercart.core.event.ReturnStatus.APPROVED, harness.clock.instant(),
                java.util.List.of(new dev.aftercart.core.event.ReturnItem(productId, 1, null)), null));
        if (!harness.customers.saveOrder(next, order.version())) {
            throw new AssertionError("order changed underneath the test");
        }
    }
}
