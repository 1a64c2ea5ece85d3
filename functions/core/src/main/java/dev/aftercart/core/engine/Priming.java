package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CoPurchase;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.OrderStatus;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.customer.ReturnRecord;
import dev.aftercart.core.customer.Subscription;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.event.CustomerDetails;
import dev.aftercart.core.event.EventParser;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.PointsExpiry;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ReturnStatus;
import dev.aftercart.core.event.SubscriptionStatus;
import dev.aftercart.core.event.ShipmentStatus;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.policy.SendContext;
import dev.aftercart.core.port.Catalog;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.render.MimeWriter;
import dev.aftercart.core.render.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rehearsal for SnapStart's snapshot: runs the real parse, validation, template compilation,
 * rendering, MIME and SMS-segment code on a bundled sample order, in every language, so the
 * snapshot holds loaded classes, compiled templates and JIT-warm paths. It reads and writes no
 * customer state and sends nothing.
 */
public final class Priming {

    static final String SAMPLE = "priming/order-placed.json";
    static final List<String> LOCALES = List.of("en-US", "ko-KR", "th-TH");

    /** Signs the rehearsal's links; its tokens never leave the snapshot. */
    private static final LinkTokens PRIMING_LINKS = new LinkTokens(new byte[32], java.time.Clock.systemUTC(),
            java.time.Duration.ofDays(1));

    private Priming() {
    }

    /**
     * Renders every step of every journey, on every channel, in every language, for the sample
     * order and a delivered shipment of it; returns how many messages were rendered.
     */
    public static int rehearse(JourneyCatalog journeys, Policies policies, Templates templates, StoreSettings store) {
        OrderPlaced event = (OrderPlaced) EventParser.forAllDetailTypes().parse(sample());
        MessageComposer composer = new MessageComposer(templates, store, policies,
                new Recommender(NO_CUSTOMERS, NO_PRODUCTS, policies.sendRules()), NO_PRODUCTS, PRIMING_LINKS);
        Instant at = event.occurredAt();
        CustomerDetails details = event.customer();
        ShipmentRecord shipment = new ShipmentRecord("priming-shipment", ShipmentStatus.DELIVERED, at, "Carrier",
                "PRIMING", "https://example.invalid/track", at, null);
        List<String> products = event.items().stream().map(LineItem::productId).toList();
        ReturnRecord returned = new ReturnRecord("priming-return", ReturnStatus.REFUNDED, at,
                List.of(new ReturnItem(products.get(0), 1, null)), event.total());
        OrderRecord order = new OrderRecord(details.customerId(), event.orderId(), event.orderNumber(),
                event.placedAt(), event.items(), event.subtotal(), event.discount(), event.shipping(), event.tax(),
                event.total(), OrderStatus.PLACED, null, Map.of(shipment.shipmentId(), shipment),
                Map.of(returned.returnId(), returned), at, 1);
        Instant expiresAt = at.plus(Duration.ofDays(30));
        Subscription subscription = new Subscription("priming-subscription", SubscriptionStatus.ACTIVE,
                products.get(0), at.plus(Duration.ofDays(3)), event.total(), "https://example.invalid/manage", at);
        // Every kind of subject at once, so every journey's template finds what it reads.
        Map<String, String> subject = new HashMap<>(Map.of("orderId", event.orderId(), "shipmentId",
                shipment.shipmentId(), "status", shipment.status().id(), "productIds",
                LedgerEntry.joinProductIds(products), "returnId", returned.returnId(), "rating", "5",
                "hasMedia", "false", "expiresAt", expiresAt.toString(), "subscriptionId",
                subscription.subscriptionId(), "nextChargeAt", subscription.nextChargeAt().toString()));
        subject.put("reviewId", "priming-review");
        int rendered = 0;
        for (String locale : LOCALES) {
            CustomerProfile profile = Recorder.merge(CustomerProfile.newCustomer(details.customerId()),
                    new CustomerDetails(details.customerId(), details.email(), details.phone(), details.firstName(),
                            locale, details.timeZone(), details.region(), details.consent()), at)
                    .withLoyalty(new Loyalty(true, "gold", 1200, List.of(new PointsExpiry(300, expiresAt)), at))
                    .withSubscription(subscription);
            for (Journey journey : journeys.all()) {
                for (JourneyStep step : journey.steps()) {
                    for (Channel channel : step.channels()) {
                        LedgerEntry entry = LedgerEntry.planned(details.customerId(),
                                MessageId.of(journey.id(), step.id(), channel.id(), "priming"), journey.id(), step.id(),
                                channel, journey.kind(), subject, at, at);
                        SendContext context = new SendContext(entry, journey, step, profile, order);
                        switch (channel) {
                            case EMAIL -> MimeWriter.write(composer.email(context, products), at);
                            case SMS -> composer.sms(context, products);
                            case EVENT -> composer.event(context);
                        }
                        rendered++;
                    }
                }
            }
        }
        return rendered;
    }

    private static Map<String, Object> sample() {
        try (InputStream in = Priming.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the classpath");
            }
            return Json.parseObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final CustomerStore NO_CUSTOMERS = new CustomerStore() {
        @Override
        public Optional<CustomerProfile> profile(String customerId) {
            return Optional.empty();
        }

        @Override
        public boolean saveProfile(CustomerProfile profile, long expectedVersion) {
            return false;
        }

        @Override
        public Optional<OrderRecord> order(String customerId, String orderId) {
            return Optional.empty();
        }

        @Override
        public boolean saveOrder(OrderRecord order, long expectedVersion) {
            return false;
        }

        @Override
        public List<OrderRecord> orders(String customerId) {
            return List.of();
        }

        @Override
        public Optional<String> customerIdForOrder(String orderId) {
            return Optional.empty();
        }

        @Override
        public List<String> customerIdsForPhone(String phoneNumber) {
            return List.of();
        }

        @Override
        public int erase(String customerId) {
            return 0;
        }
    };

    private static final Catalog NO_PRODUCTS = new Catalog() {
        @Override
        public Optional<Product> product(String productId) {
            return Optional.empty();
        }

        @Override
        public Map<String, Product> products(Collection<String> productIds) {
            return Map.of();
        }

        @Override
        public boolean saveProduct(Product product) {
            return false;
        }

        @Override
        public void recordPurchase(List<LineItem> items, Instant at) {
            // Priming records nothing.
        }

        @Override
        public List<CoPurchase> boughtWith(String productId, int limit) {
            return List.of();
        }

        @Override
        public List<String> bestSellers(String category, int limit) {
            return List.of();
        }
    };
}
