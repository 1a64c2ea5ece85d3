package dev.aftercart.aws.dynamodb;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.Engagement.MarketingSend;
import dev.aftercart.core.customer.Engagement.ProductReview;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.OrderStatus;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.customer.ReturnRecord;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.customer.Subscription;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.PointsExpiry;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ReturnStatus;
import dev.aftercart.core.event.ShipmentItem;
import dev.aftercart.core.event.ShipmentStatus;
import dev.aftercart.core.event.SubscriptionStatus;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records with every field set, in Korean and Thai, for round trips. */
final class Fixtures {

    static final Instant AT = Instant.parse("2025-03-01T09:30:15.123456789Z");

    private Fixtures() {
    }

    /** A fresh id, so tests sharing a table never see each other's items. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static CustomerProfile koreanProfile(String customerId) {
        return new CustomerProfile(customerId, "minji@example.com", "+821012345678", "민지", "ko-KR", "Asia/Seoul",
                "KR-11", new Consent(true, false, true), new Suppression(false, true), koreanLoyalty(),
                koreanEngagement(), koreanSubscriptions(), AT, 1);
    }

    /** A VIP with two expiries, the later one first (the list's order is kept as given). */
    static Loyalty koreanLoyalty() {
        return new Loyalty(true, "VIP", 1250,
                List.of(new PointsExpiry(300, Instant.parse("2025-06-30T14:59:59.999Z")),
                        new PointsExpiry(120, Instant.parse("2025-03-31T15:00:00Z"))),
                Instant.parse("2025-02-28T23:00:00.5Z"));
    }

    /** An active subscription in won with every field set, and a paused one with the optional fields unset. */
    static Map<String, Subscription> koreanSubscriptions() {
        return Map.of(
                "sub-녹차", new Subscription("sub-녹차", SubscriptionStatus.ACTIVE, "green-tea",
                        Instant.parse("2025-03-15T00:00:00Z"), Money.of("27000", "KRW"),
                        "https://shop.example/account/subscriptions/sub-녹차", Instant.parse("2025-02-15T00:00:01Z")),
                "sub-2", new Subscription("sub-2", SubscriptionStatus.PAUSED, null, null, null, null, AT));
    }

    /**
     * Three marketing sends, not in time order (the list's order is kept as given), and reviews keyed
     * by Korean product ids, one of them a 1-star review.
     */
    static Engagement koreanEngagement() {
        return new Engagement(
                List.of(new MarketingSend(Channel.EMAIL, Instant.parse("2025-02-27T01:00:00Z")),
                        new MarketingSend(Channel.SMS, Instant.parse("2025-02-28T03:15:00.5Z")),
                        new MarketingSend(Channel.EMAIL, Instant.parse("2025-02-20T01:00:00Z"))),
                Map.of("유기농-녹차", new ProductReview(5, Instant.parse("2025-02-25T12:00:00Z")),
                        "선크림-SPF50", new ProductReview(1, AT)));
    }

    static CustomerProfile thaiProfile(String customerId) {
        return new CustomerProfile(customerId, "somchai@example.co.th", "+66812345678", "สมชาย", "th-TH",
                "Asia/Bangkok", null, new Consent(false, true, null), Suppression.NONE, new Loyalty(false, null, 0),
                Engagement.NONE, Map.of(), AT, 1);
    }

    static CustomerProfile withVersion(CustomerProfile p, long version) {
        return p.withVersion(version);
    }

    /** The profile with another engagement and nothing else changed, not even its version. */
    static CustomerProfile withEngagement(CustomerProfile p, Engagement engagement) {
        return new CustomerProfile(p.customerId(), p.email(), p.phone(), p.firstName(), p.locale(), p.timeZone(),
                p.region(), p.consent(), p.suppression(), p.loyalty(), engagement, p.subscriptions(), p.updatedAt(),
                p.version());
    }

    static CustomerProfile withFirstName(CustomerProfile p, String firstName) {
        return new CustomerProfile(p.customerId(), p.email(), p.phone(), firstName, p.locale(), p.timeZone(),
                p.region(), p.consent(), p.suppression(), p.loyalty(), p.engagement(), p.subscriptions(), p.updatedAt(),
                p.version());
    }

    /** The profile with other subscriptions and nothing else changed, not even its version. */
    static CustomerProfile withSubscriptions(CustomerProfile p, Map<String, Subscription> subscriptions) {
        return new CustomerProfile(p.customerId(), p.email(), p.phone(), p.firstName(), p.locale(), p.timeZone(),
                p.region(), p.consent(), p.suppression(), p.loyalty(), p.engagement(), subscriptions, p.updatedAt(),
                p.version());
    }

    static LineItem line(String productId, String name, String price) {
        return new LineItem(productId, "sku-" + productId, name, null, 1, Money.of(price, "KRW"), null, null, null);
    }

    /**
     * A Korean order in won (no minor unit), one line on sale, one Thai-named line with the optional
     * fields unset; sent in two shipments, with the sunscreen refunded and a tea return still requested.
     */
    static OrderRecord koreanOrder(String customerId, String orderId) {
        List<LineItem> items = List.of(
                new LineItem("green-tea", "GT-20", "유기농 녹차 티백 20개입", "tea", 2, Money.of("15000", "KRW"),
                        Money.of("18000", "KRW"), "https://shop.example/p/green-tea",
                        "https://cdn.example/green-tea.jpg"),
                new LineItem("sunscreen", null, "ครีมกันแดด SPF50", null, 1, Money.of("21000", "KRW"), null, null,
                        null));
        return new OrderRecord(customerId, orderId, "A-1001", Instant.parse("2025-03-01T09:30:00Z"), items,
                Money.of("51000", "KRW"), Money.of("0", "KRW"), Money.of("3000", "KRW"), Money.of("0", "KRW"),
                Money.of("54000", "KRW"), OrderStatus.PLACED, null, twoShipments(), twoReturns(), AT, 1);
    }

    /**
     * First {@code ret-9}, refunded, with a reason and a refund; then {@code ret-1}, only requested,
     * without reason or refund. As with shipments, their ids run against the order they were seen in.
     */
    static Map<String, ReturnRecord> twoReturns() {
        Map<String, ReturnRecord> returns = new LinkedHashMap<>();
        returns.put("ret-9", new ReturnRecord("ret-9", ReturnStatus.REFUNDED, Instant.parse("2025-03-10T02:00:00.75Z"),
                List.of(new ReturnItem("sunscreen", 1, "피부 트러블")), Money.of("21000", "KRW")));
        returns.put("ret-1", new ReturnRecord("ret-1", ReturnStatus.REQUESTED, Instant.parse("2025-03-11T08:00:00Z"),
                List.of(new ReturnItem("green-tea", 1, null)), null));
        return returns;
    }

    /**
     * First {@code ship-2}, delivered with the tea, then {@code ship-1}, which names no items (the
     * whole order) and leaves every optional field unset. Their ids run against the order they were
     * seen in, so neither sorting nor hashing could pass for keeping it.
     */
    static Map<String, ShipmentRecord> twoShipments() {
        Map<String, ShipmentRecord> shipments = new LinkedHashMap<>();
        shipments.put("ship-2", new ShipmentRecord("ship-2", ShipmentStatus.DELIVERED,
                Instant.parse("2025-03-03T05:00:00Z"), "CJ대한통운", "6012-3456-7890",
                "https://trace.example/6012-3456-7890", Instant.parse("2025-03-03T00:00:00Z"),
                List.of(new ShipmentItem("green-tea", 2))));
        shipments.put("ship-1", new ShipmentRecord("ship-1", ShipmentStatus.OUT_FOR_DELIVERY,
                Instant.parse("2025-03-04T00:10:00.25Z"), null, null, null, null, null));
        return shipments;
    }

    static OrderRecord dollarOrder(String customerId, String orderId) {
        List<LineItem> items = List.of(new LineItem("mug", "MUG-1", "Mug", "kitchen", 1, Money.of("79.00", "USD"),
                Money.of("99.90", "USD"), null, null));
        return new OrderRecord(customerId, orderId, null, Instant.parse("2025-03-02T00:00:00Z"), items,
                Money.of("79.00", "USD"), Money.of("0.00", "USD"), Money.of("5.50", "USD"), Money.of("6.32", "USD"),
                Money.of("90.82", "USD"), OrderStatus.PLACED, null, Map.of(), Map.of(),
                Instant.parse("2025-03-02T00:00:00Z"), 1);
    }

    /** What a cancellation that overtook its order leaves behind. */
    static OrderRecord cancellationStub(String customerId, String orderId) {
        return new OrderRecord(customerId, orderId, null, null, null, null, null, null, null, null,
                OrderStatus.CANCELLED, "customer_request", null, null, AT, 1);
    }

    static LedgerEntry plannedEmail(String customerId, String messageId) {
        return LedgerEntry.planned(customerId, messageId, "order-confirmation", "confirm", Channel.EMAIL,
                MessageKind.TRANSACTIONAL, Map.of("orderId", "A-1001"), AT, AT);
    }

    /** An SMS that went out, with every optional field set and a Korean subject value. */
    static LedgerEntry sentSms(String customerId, String messageId) {
        return new LedgerEntry(customerId, messageId, "review-request", "remind", Channel.SMS, MessageKind.MARKETING,
                Map.of("orderId", "A-1001", "productId", "green-tea", "status", "배송 완료"),
                Instant.parse("2025-03-08T01:00:00Z"), MessageStatus.SENT, "held_quiet_hours",
                2, "m-" + messageId, "provider-123", 3, AT, Instant.parse("2025-03-08T01:00:02.5Z"), "delivered", 4);
    }

    static Product thaiProduct(String productId, Instant updatedAt) {
        return new Product(productId, "เซรั่มบำรุงผิว", "skincare", "https://shop.example/th/serum",
                "https://cdn.example/serum.jpg", Money.of("890.00", "THB"), 30, 60, true, updatedAt);
    }
}
