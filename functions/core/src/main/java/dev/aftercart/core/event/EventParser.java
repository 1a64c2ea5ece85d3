package dev.aftercart.core.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an EventBridge envelope into a validated {@link ShopEvent}, exactly as the contract in
 * {@code infra/events/} defines it. Every broken rule is reported at once, naming the field.
 */
public final class EventParser {

    public static final int MAX_ITEMS = 100;
    /** Loyalty points fit comfortably in an int; a larger figure is a unit mix-up, not a balance. */
    public static final int MAX_POINTS = 1_000_000_000;

    private final Set<String> acceptedDetailTypes;

    /** A parser for the detail-types one function is routed; anything else is rejected, not guessed at. */
    public EventParser(Set<String> acceptedDetailTypes) {
        this.acceptedDetailTypes = Set.copyOf(acceptedDetailTypes);
    }

    public static EventParser forAllDetailTypes() {
        return new EventParser(Set.of(OrderPlaced.DETAIL_TYPE, OrderCancelled.DETAIL_TYPE,
                CustomerUpdated.DETAIL_TYPE, ProductUpdated.DETAIL_TYPE, ShipmentUpdated.DETAIL_TYPE,
                ReviewSubmitted.DETAIL_TYPE, ReturnUpdated.DETAIL_TYPE, LoyaltyUpdated.DETAIL_TYPE,
                SubscriptionUpdated.DETAIL_TYPE));
    }

    /** Reads the envelope's own fields; the detail is validated by {@link #parse(Envelope)}. */
    public Envelope envelope(Map<String, Object> json) {
        List<Violation> violations = new ArrayList<>();
        Fields root = new Fields(json, "", violations);
        String id = root.requiredId("id");
        String source = root.requiredId("source");
        String detailType = root.requiredId("detail-type");
        Instant time = root.requiredInstant("time");
        Fields detail = root.requiredObject("detail");
        if (detailType != null && !acceptedDetailTypes.contains(detailType)) {
            root.reject("detail-type", "must be one of " + String.join(", ", acceptedDetailTypes.stream().sorted().toList()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> detailMap = (Map<String, Object>) json.get("detail");
        return new Envelope(id, source, detailType, time, detailMap);
    }

    public ShopEvent parse(Map<String, Object> json) {
        return parse(envelope(json));
    }

    public ShopEvent parse(Envelope envelope) {
        List<Violation> violations = new ArrayList<>();
        Fields detail = new Fields(envelope.detail(), "detail", violations);
        ShopEvent event = switch (envelope.detailType()) {
            case OrderPlaced.DETAIL_TYPE -> orderPlaced(detail);
            case OrderCancelled.DETAIL_TYPE -> orderCancelled(detail);
            case CustomerUpdated.DETAIL_TYPE -> customerUpdated(detail);
            case ProductUpdated.DETAIL_TYPE -> productUpdated(detail);
            case ShipmentUpdated.DETAIL_TYPE -> shipmentUpdated(detail);
            case ReviewSubmitted.DETAIL_TYPE -> reviewSubmitted(detail);
            case ReturnUpdated.DETAIL_TYPE -> returnUpdated(detail);
            case LoyaltyUpdated.DETAIL_TYPE -> loyaltyUpdated(detail);
            case SubscriptionUpdated.DETAIL_TYPE -> subscriptionUpdated(detail);
            default -> {
                violations.add(new Violation("detail-type", "is not a known detail-type"));
                yield null;
            }
        };
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations);
        }
        return event;
    }

    private static OrderPlaced orderPlaced(Fields d) {
        String orderId = d.requiredId("orderId");
        String orderNumber = d.optionalId("orderNumber");
        Instant placedAt = d.requiredInstant("placedAt");
        Currency currency = d.requiredCurrency("currency");
        Fields customerFields = d.requiredObject("customer");
        CustomerDetails customer = customerFields == null ? null : customer(customerFields);
        List<LineItem> items = new ArrayList<>();
        for (Fields item : d.requiredObjects("items", 1, MAX_ITEMS)) {
            items.add(lineItem(item, currency));
        }
        Money subtotal = money(d.optionalDecimal("subtotal"), currency);
        Money discount = money(d.optionalDecimal("discount"), currency);
        Money shipping = money(d.optionalDecimal("shipping"), currency);
        Money tax = money(d.optionalDecimal("tax"), currency);
        Money total = money(d.requiredDecimal("total"), currency);
        String country = null;
        String region = null;
        Fields address = d.optionalObject("shippingAddress");
        if (address != null) {
            country = address.optionalCountry("country");
            region = address.optionalRegion("region");
        }
        Instant occurredAt = d.requiredInstant("occurredAt");
        return new OrderPlaced(orderId, orderNumber, placedAt, customer, items, subtotal, discount, shipping, tax,
                total, country, region, occurredAt);
    }

    private static LineItem lineItem(Fields item, Currency currency) {
        String productId = item.requiredId("productId");
        String sku = item.optionalId("sku");
        String name = item.requiredText("name");
        String category = item.optionalId("category");
        Integer quantity = item.requiredInt("quantity", 1, 10_000);
        BigDecimal unitPrice = item.requiredDecimal("unitPrice");
        BigDecimal originalPrice = item.optionalDecimal("originalPrice");
        String url = item.optionalUrl("url");
        String imageUrl = item.optionalUrl("imageUrl");
        return new LineItem(productId, sku, name, category, quantity == null ? 0 : quantity,
                money(unitPrice, currency), money(originalPrice, currency), url, imageUrl);
    }

    private static OrderCancelled orderCancelled(Fields d) {
        return new OrderCancelled(d.requiredId("orderId"), d.requiredId("customerId"), d.optionalText("reason"),
                d.requiredInstant("occurredAt"));
    }

    private static CustomerUpdated customerUpdated(Fields d) {
        Fields customerFields = d.requiredObject("customer");
        CustomerDetails customer = customerFields == null ? null : customer(customerFields);
        return new CustomerUpdated(customer, d.requiredInstant("occurredAt"));
    }

    private static ProductUpdated productUpdated(Fields d) {
        String productId = d.requiredId("productId");
        String name = d.requiredText("name");
        String category = d.optionalId("category");
        String url = d.optionalUrl("url");
        String imageUrl = d.optionalUrl("imageUrl");
        BigDecimal price = d.optionalDecimal("price");
        Currency currency = d.optionalCurrency("currency");
        if (price != null && currency == null && !d.has("currency")) {
            d.reject("currency", "is required when price is given");
        }
        Integer usageDays = d.optionalInt("usageDays", 0, 365);
        Integer replenishAfterDays = d.optionalInt("replenishAfterDays", 1, 730);
        Boolean active = d.optionalBoolean("active");
        Instant occurredAt = d.requiredInstant("occurredAt");
        return new ProductUpdated(productId, name, category, url, imageUrl, money(price, currency), usageDays,
                replenishAfterDays, active == null || active, occurredAt);
    }

    private static ShipmentUpdated shipmentUpdated(Fields d) {
        String shipmentId = d.requiredId("shipmentId");
        String orderId = d.requiredId("orderId");
        String customerId = d.optionalId("customerId");
        String status = d.requiredEnum("status", ShipmentStatus.IDS);
        String carrier = d.optionalText("carrier");
        String trackingNumber = d.optionalId("trackingNumber");
        String trackingUrl = d.optionalUrl("trackingUrl");
        Instant estimatedDelivery = d.optionalInstant("estimatedDelivery");
        List<ShipmentItem> items = null;
        List<Fields> itemFields = d.optionalObjects("items", 1, MAX_ITEMS);
        if (itemFields != null) {
            items = new ArrayList<>();
            for (Fields item : itemFields) {
                String productId = item.requiredId("productId");
                Integer quantity = item.requiredInt("quantity", 1, 10_000);
                items.add(new ShipmentItem(productId, quantity == null ? 0 : quantity));
            }
        }
        Instant occurredAt = d.requiredInstant("occurredAt");
        return new ShipmentUpdated(shipmentId, orderId, customerId,
                status == null ? null : ShipmentStatus.fromId(status), carrier, trackingNumber, trackingUrl,
                estimatedDelivery, items, occurredAt);
    }

    private static ReviewSubmitted reviewSubmitted(Fields d) {
        String reviewId = d.requiredId("reviewId");
        String customerId = d.requiredId("customerId");
        String orderId = d.optionalId("orderId");
        String productId = d.requiredId("productId");
        Integer rating = d.requiredInt("rating", 1, 5);
        String title = d.optionalText("title");
        String body = d.optionalText("body");
        Boolean hasMedia = d.optionalBoolean("hasMedia");
        Instant occurredAt = d.requiredInstant("occurredAt");
        return new ReviewSubmitted(reviewId, customerId, orderId, productId, rating == null ? 0 : rating, title, body,
                Boolean.TRUE.equals(hasMedia), occurredAt);
    }

    private static ReturnUpdated returnUpdated(Fields d) {
        String returnId = d.requiredId("returnId");
        String orderId = d.requiredId("orderId");
        String customerId = d.requiredId("customerId");
        String status = d.requiredEnum("status", ReturnStatus.IDS);
        List<ReturnItem> items = new ArrayList<>();
        for (Fields item : d.requiredObjects("items", 1, MAX_ITEMS)) {
            String productId = item.requiredId("productId");
            Integer quantity = item.requiredInt("quantity", 1, 10_000);
            items.add(new ReturnItem(productId, quantity == null ? 0 : quantity, item.optionalId("reason")));
        }
        BigDecimal refund = d.optionalDecimal("refundAmount");
        Currency currency = d.optionalCurrency("currency");
        if (refund != null && currency == null && !d.has("currency")) {
            d.reject("currency", "is required when refundAmount is given");
        }
        Instant occurredAt = d.requiredInstant("occurredAt");
        return new ReturnUpdated(returnId, orderId, customerId, status == null ? null : ReturnStatus.fromId(status),
                items, money(refund, currency), occurredAt);
    }

    private static LoyaltyUpdated loyaltyUpdated(Fields d) {
        String customerId = d.requiredId("customerId");
        Boolean member = d.requiredBoolean("member");
        String tier = d.optionalId("tier");
        Integer balance = d.requiredInt("pointsBalance", 0, MAX_POINTS);
        List<PointsExpiry> expiring = new ArrayList<>();
        List<Fields> expiringFields = d.optionalObjects("pointsExpiring", 0, MAX_ITEMS);
        if (expiringFields != null) {
            for (Fields entry : expiringFields) {
                Integer points = entry.requiredInt("points", 1, MAX_POINTS);
                Instant expiresAt = entry.requiredInstant("expiresAt");
                if (points != null && expiresAt != null) {
                    expiring.add(new PointsExpiry(points, expiresAt));
                }
            }
        }
        Long changePoints = null;
        String changeReason = null;
        Fields change = d.optionalObject("change");
        if (change != null) {
            Integer points = change.requiredInt("points", -MAX_POINTS, MAX_POINTS);
            changePoints = points == null ? null : points.longValue();
            changeReason = change.optionalId("reason");
        }
        Instant occurredAt = d.requiredInstant("occurredAt");
        return new LoyaltyUpdated(customerId, Boolean.TRUE.equals(member), tier, balance == null ? 0 : balance, expiring,
                changePoints, changeReason, occurredAt);
    }

    private static SubscriptionUpdated subscriptionUpdated(Fields d) {
        String subscriptionId = d.requiredId("subscriptionId");
        String customerId = d.requiredId("customerId");
        String status = d.requiredEnum("status", SubscriptionStatus.IDS);
        String productId = d.optionalId("productId");
        Instant nextChargeAt = d.optionalInstant("nextChargeAt");
        BigDecimal amount = d.optionalDecimal("amount");
        Currency currency = d.optionalCurrency("currency");
        if (amount != null && currency == null && !d.has("currency")) {
            d.reject("currency", "is required when amount is given");
        }
        String manageUrl = d.optionalUrl("manageUrl");
        Instant occurredAt = d.requiredInstant("occurredAt");
        return new SubscriptionUpdated(subscriptionId, customerId,
                status == null ? null : SubscriptionStatus.fromId(status), productId, nextChargeAt,
                money(amount, currency), manageUrl, occurredAt);
    }

    private static CustomerDetails customer(Fields c) {
        String customerId = c.requiredId("customerId");
        String email = c.optionalEmail("email");
        String phone = c.optionalPhone("phone");
        String firstName = c.optionalText("firstName");
        String locale = c.optionalLocale("locale");
        String timeZone = c.optionalTimeZone("timeZone");
        String region = c.optionalRegion("region");
        ConsentDetails consent = ConsentDetails.UNSTATED;
        Fields consentFields = c.optionalObject("consent");
        if (consentFields != null) {
            consent = new ConsentDetails(consentFields.optionalBoolean("emailMarketing"),
                    consentFields.optionalBoolean("smsMarketing"), consentFields.optionalBoolean("smsTransactional"));
        }
        return new CustomerDetails(customerId, email, phone, firstName, locale, timeZone, region, consent);
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return amount == null || currency == null ? null : new Money(amount, currency);
    }
}
