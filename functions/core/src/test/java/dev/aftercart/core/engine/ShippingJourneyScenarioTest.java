package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Order to review request end to end on the virtual clock: events arrive at their own times, and
 * every schedule the engine makes fires when it falls due. The customer lives in New York (EST in
 * late November, UTC-5) and accepts marketing email but not marketing SMS.
 */
class ShippingJourneyScenarioTest {

    private static final String CUSTOMER = "c-5001";

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    private LedgerEntry entry(String journey, String step, Channel channel) {
        return harness.entry(CUSTOMER, journey, step, channel);
    }

    private List<LedgerEntry> entries(String journey, String step) {
        return harness.entries(CUSTOMER, journey, step);
    }

    /** The shipping-update entry on {@code channel} for one shipment status. */
    private LedgerEntry shippingUpdate(String shipmentId, String status, Channel channel) {
        List<LedgerEntry> found = harness.ledger.forCustomer(CUSTOMER).stream()
                .filter(e -> e.journeyId().equals("shipping-updates") && e.channel() == channel
                        && !e.stepId().equals("attempted-follow-up")
                        && shipmentId.equals(e.subject().get("shipmentId")) && status.equals(e.subject().get("status")))
                .toList();
        assertThat(found).as("%s %s %s", shipmentId, status, channel).hasSize(1);
        return found.get(0);
    }

    private List<String> smsBodies() {
        return harness.sms.messages().stream().map(SmsMessage::body).toList();
    }

    @Test
    void orderShippedAndDeliveredLateAtNight_sendsEachUpdateOnce_andAsksForAReviewOnce() {
        // given: the order, then the carrier's scans
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-in-transit.json"));
        EventOutcome outForDelivery = harness.arrive(event("policy-shipment-out-for-delivery.json"));

        // then: out for delivery at 06:30 is emailed at once and texted at 07:00
        assertThat(outForDelivery.messages()).extracting(PlannedMessage::describe).containsExactly("sent", "held:sms_quiet_hours");
        assertThat(shippingUpdate("s-5001", "out_for_delivery", Channel.SMS).dueAt()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));

        // when: delivered at 22:30
        EventOutcome delivered = harness.arrive(event("policy-shipment-delivered.json"));

        // then: the email goes at once, the SMS is held until 08:00, and the marketing is scheduled
        assertThat(delivered.messages()).extracting(m -> m.journeyId() + "/" + m.stepId(), PlannedMessage::describe)
                .containsExactly(
                        tuple("shipping-updates/email", "sent"),
                        tuple("shipping-updates/sms", "held:sms_quiet_hours"),
                        tuple("review-request/request", "scheduled"),
                        tuple("review-request/reminder", "scheduled"),
                        tuple("product-tips/tips", "scheduled"));
        assertThat(shippingUpdate("s-5001", "delivered", Channel.SMS).dueAt()).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
        assertThat(harness.waiting()).extracting(s -> s.at().toString()).containsExactly(
                "2026-11-24T13:00:00Z", "2026-11-25T15:00:00Z", "2026-11-30T15:00:00Z", "2026-12-05T15:00:00Z");

        // when: the clock runs through the request; then the customer reviews everything, and the clock runs on
        harness.runUntil(Instant.parse("2026-12-02T00:00:00Z"));
        reviewed("p-510", "p-520", "p-530");
        harness.runUntil(Instant.parse("2026-12-31T00:00:00Z"));

        // then: every message went out once, at its time, except the reminder, skipped with its reason
        assertThat(harness.ledger.forCustomer(CUSTOMER))
                .extracting(e -> e.journeyId() + "/" + e.stepId() + "/" + e.channel().id(), e -> e.subject().get("status"),
                        LedgerEntry::status, LedgerEntry::reason, e -> e.updatedAt().toString())
                .containsExactlyInAnyOrder(
                        tuple("order-confirmation/confirm/email", null, MessageStatus.SENT, null, "2026-11-20T15:00:05Z"),
                        tuple("order-confirmation/confirm/sms", null, MessageStatus.SENT, null, "2026-11-20T15:00:05Z"),
                        tuple("shipping-updates/email/email", "in_transit", MessageStatus.SENT, null, "2026-11-21T14:00:05Z"),
                        tuple("shipping-updates/email/email", "out_for_delivery", MessageStatus.SENT, null, "2026-11-23T11:30:05Z"),
                        tuple("shipping-updates/sms-out-for-delivery/sms", "out_for_delivery", MessageStatus.SENT, null,
                                "2026-11-23T12:00:00Z"),
                        tuple("shipping-updates/email/email", "delivered", MessageStatus.SENT, null, "2026-11-24T03:30:05Z"),
                        tuple("shipping-updates/sms/sms", "delivered", MessageStatus.SENT, null, "2026-11-24T13:00:00Z"),
                        tuple("product-tips/tips/email", "delivered", MessageStatus.SENT, null, "2026-11-25T15:00:00Z"),
                        tuple("review-request/request/email", "delivered", MessageStatus.SENT, null, "2026-11-30T15:00:00Z"),
                        tuple("review-request/reminder/email", "delivered", MessageStatus.SKIPPED, "product_reviewed",
                                "2026-12-05T15:00:00Z"));
        assertThat(harness.email.count()).isEqualTo(6);
        assertThat(smsBodies()).containsExactly("order #5001 confirmed", "out_for_delivery:Trail Running Shoe;Merino Socks;Water Bottle;",
                "delivered:Trail Running Shoe;Merino Socks;Water Bottle;");
        assertThat(harness.waiting()).isEmpty();
    }

    /** The review handler recorded five-star reviews of these products. */
    private void reviewed(String... products) {
        CustomerProfile current = harness.customers.profile(CUSTOMER).orElseThrow();
        Map<String, Engagement.ProductReview> reviews = new java.util.HashMap<>();
        for (String p : products) {
            reviews.put(p, new Engagement.ProductReview(5, harness.clock.instant()));
        }
        harness.customers.saveProfile(current.withEngagement(new Engagement(current.engagement().marketingSends(), reviews)),
                current.version());
    }

    @Test
    void splitOrder_namesTheItemsOfEachParcel_andTheLastDeliverySaysEverythingHasArrived() {
        // given
        harness.arrive(event("policy-order-placed.json"));

        // when: the shoe arrives at 14:00, the rest the next day at 15:00
        harness.arrive(event("policy-shipment-split-first-delivered.json"));
        harness.arrive(event("policy-shipment-split-second-delivered.json"));

        // then: one "delivered" for the shoe and one "everything has arrived", by email and by SMS
        assertThat(harness.email.messages()).extracting(m -> m.text().strip()).containsExactly(
                "order #5001 confirmed",
                "delivered:Trail Running Shoe;",
                "all_delivered:Trail Running Shoe;Merino Socks;Water Bottle;");
        assertThat(smsBodies()).containsExactly(
                "order #5001 confirmed",
                "delivered:Trail Running Shoe;",
                "all_delivered:Trail Running Shoe;Merino Socks;Water Bottle;");

        // and: each parcel's products are asked about on their own
        assertThat(entries("review-request", "request")).extracting(e -> e.subject().get("productIds"), e -> e.dueAt().toString())
                .containsExactly(tuple("p-510", "2026-11-30T15:00:00Z"), tuple("p-520,p-530", "2026-12-01T15:00:00Z"));
    }

    @Test
    void splitOrder_withBothTextsHeldOvernight_stillSaysEverythingHasArrivedOnlyOnce() {
        // given: the shoe arrives at 22:30 and the rest at 07:30 the next morning; both texts wait for 08:00
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(at(event("policy-shipment-split-first-delivered.json"), "2026-11-24T03:30:00Z"));
        harness.arrive(at(event("policy-shipment-split-second-delivered.json"), "2026-11-24T12:30:00Z"));

        // when
        harness.runUntil(Instant.parse("2026-11-24T13:00:00Z"));

        // then: the shoe's text still says only the shoe was delivered
        assertThat(smsBodies()).containsExactly(
                "order #5001 confirmed",
                "delivered:Trail Running Shoe;",
                "all_delivered:Trail Running Shoe;Merino Socks;Water Bottle;");
    }

    @Test
    void splitOrder_getsOneTipsEmailForTheWholeOrder_andARequestAndReminderPerParcel() {
        // given: two parcels a day apart; each plans a request and a reminder, the last one the tips
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-split-first-delivered.json"));
        harness.arrive(event("policy-shipment-split-second-delivered.json"));

        // when
        harness.runUntil(Instant.parse("2026-12-31T00:00:00Z"));

        // then: one tips email, about every product of the order; five marketing emails, within the cap
        List<LedgerEntry> marketing = harness.ledger.forCustomer(CUSTOMER).stream()
                .filter(e -> e.kind() == dev.aftercart.core.journey.MessageKind.MARKETING)
                .sorted(java.util.Comparator.comparing(LedgerEntry::dueAt))
                .toList();
        assertThat(marketing).extracting(e -> e.journeyId() + "/" + e.stepId(), LedgerEntry::status, LedgerEntry::reason)
                .containsExactly(
                        tuple("product-tips/tips", MessageStatus.SENT, null),
                        tuple("review-request/request", MessageStatus.SENT, null),
                        tuple("review-request/request", MessageStatus.SENT, null),
                        tuple("review-request/reminder", MessageStatus.SENT, null),
                        tuple("review-request/reminder", MessageStatus.SENT, null));
        LedgerEntry tips = marketing.get(0);
        List<String> ordered = harness.customers.order(CUSTOMER, tips.orderId()).orElseThrow().items().stream()
                .map(dev.aftercart.core.event.LineItem::productId).distinct().toList();
        assertThat(tips.productIds()).containsExactlyElementsOf(ordered);
    }

    @Test
    void outOfOrderAndLateScans_areRecordedAsStale_andSendNothing() {
        // given
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-out-for-delivery.json"));

        // when: the earlier in-transit scan arrives after out for delivery
        EventOutcome overtaken = harness.accept(event("policy-shipment-in-transit.json"));
        harness.arrive(event("policy-shipment-delivered.json"));
        // and: an in-transit scan after delivery, and the delivery again
        EventOutcome afterDelivery = harness.arrive(at(event("policy-shipment-in-transit.json"), "2026-11-24T09:00:00Z"));
        EventOutcome again = harness.arrive(at(event("policy-shipment-delivered.json"), "2026-11-24T09:05:00Z"));

        // then
        assertThat(overtaken.state()).isEqualTo(RecordState.STALE);
        assertThat(overtaken.messages()).isEmpty();
        assertThat(afterDelivery.state()).isEqualTo(RecordState.STALE);
        assertThat(afterDelivery.messages()).isEmpty();
        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(again.messages()).extracting(PlannedMessage::describe).allMatch(d -> d.startsWith("unchanged:"));
        assertThat(harness.ledger.forCustomer(CUSTOMER)).noneMatch(e -> "in_transit".equals(e.subject().get("status")));
        assertThat(harness.customers.order(CUSTOMER, "o-5001").orElseThrow().shipments().get("s-5001").status())
                .isEqualTo(dev.aftercart.core.event.ShipmentStatus.DELIVERED);
        assertThat(harness.email.messages()).extracting(m -> m.subject())
                .containsExactly("Order #5001", "out_for_delivery #5001", "delivered #5001");
    }

    @Test
    void cancelledOrder_withdrawsEveryPendingMessage_andCancelsEachSchedule() {
        // given: delivered at 22:30, so a held SMS and three scheduled marketing emails are pending
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-delivered.json"));
        List<String> pending = harness.waiting().stream().map(s -> s.name()).toList();
        assertThat(pending).hasSize(4);
        int emails = harness.email.count();
        int texts = harness.sms.count();

        // when: the order is cancelled half an hour later
        EventOutcome cancelled = harness.arrive(event("policy-order-cancelled.json"));

        // then: each pending message is cancelled in the ledger and its schedule deleted
        assertThat(cancelled.messages()).extracting(PlannedMessage::describe).containsOnly("cancelled:order_cancelled").hasSize(4);
        assertThat(harness.scheduler.cancelled()).containsExactlyInAnyOrderElementsOf(pending);
        assertThat(harness.waiting()).isEmpty();
        assertThat(harness.ledger.forCustomer(CUSTOMER))
                .filteredOn(e -> e.status() != MessageStatus.SENT)
                .hasSize(4)
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo(MessageStatus.CANCELLED);
                    assertThat(e.reason()).isEqualTo("order_cancelled");
                });

        // and: a schedule that fires anyway (its delete raced it) sends nothing, and nothing else goes out later
        harness.ledger.forCustomer(CUSTOMER).stream().filter(e -> e.status() == MessageStatus.CANCELLED)
                .forEach(e -> assertThat(harness.dispatcher.dispatch(CUSTOMER, e.messageId()))
                        .isEqualTo(new MessageOutcome.Unchanged(MessageStatus.CANCELLED)));
        harness.runUntil(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(harness.email.count()).isEqualTo(emails);
        assertThat(harness.sms.count()).isEqualTo(texts);
    }

    @Test
    void cancellationRepeated_cancelsNothingMore() {
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-delivered.json"));
        harness.arrive(event("policy-order-cancelled.json"));
        int cancels = harness.scheduler.cancelled().size();

        EventOutcome again = harness.accept(event("policy-order-cancelled.json"));

        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(again.messages()).isEmpty();
        assertThat(harness.scheduler.cancelled()).hasSize(cancels);
    }

    @Test
    void productUsedForTwentyOneDays_isAskedAboutThreeWeeksAfterDelivery_apartFromTheOthers() {
        // given: the catalog says the bottle takes 21 days to judge
        harness.arrive(event("policy-product-updated-usage-21.json"));
        harness.arrive(event("policy-order-placed.json"));

        // when: delivered at 22:30 on 23 November, and the clock runs to the end of the year
        harness.arrive(event("policy-shipment-delivered.json"));
        harness.runUntil(Instant.parse("2026-12-31T00:00:00Z"));

        // then
        assertThat(entries("review-request", "request"))
                .extracting(e -> e.subject().get("productIds"), e -> e.dueAt().toString(), LedgerEntry::status)
                .containsExactly(
                        tuple("p-510,p-520", "2026-11-30T15:00:00Z", MessageStatus.SENT),
                        tuple("p-530", "2026-12-14T15:00:00Z", MessageStatus.SENT));
        assertThat(entries("review-request", "reminder"))
                .extracting(e -> e.subject().get("productIds"), e -> e.dueAt().toString(), LedgerEntry::status)
                .containsExactly(
                        tuple("p-510,p-520", "2026-12-05T15:00:00Z", MessageStatus.SENT),
                        tuple("p-530", "2026-12-19T15:00:00Z", MessageStatus.SENT));
        assertThat(harness.email.messages()).extracting(m -> m.text().strip())
                .contains("review:Trail Running Shoe;Merino Socks;", "review:Water Bottle;");
    }
}
