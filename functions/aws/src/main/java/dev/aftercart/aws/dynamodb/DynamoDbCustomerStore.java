package dev.aftercart.aws.dynamodb;

import static dev.aftercart.aws.dynamodb.Attributes.bool;
import static dev.aftercart.aws.dynamodb.Attributes.instant;
import static dev.aftercart.aws.dynamodb.Attributes.map;
import static dev.aftercart.aws.dynamodb.Attributes.money;
import static dev.aftercart.aws.dynamodb.Attributes.number;
import static dev.aftercart.aws.dynamodb.Attributes.string;

import dev.aftercart.aws.dynamodb.MeteredTable.Condition;
import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.OrderStatus;
import dev.aftercart.core.customer.ReturnRecord;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.customer.Subscription;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.PointsExpiry;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ReturnStatus;
import dev.aftercart.core.event.ShipmentItem;
import dev.aftercart.core.event.ShipmentStatus;
import dev.aftercart.core.event.SubscriptionStatus;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.port.CustomerStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Profiles ({@code C#<customerId>}/{@code PROFILE}) and orders ({@code C#<customerId>}/{@code O#<orderId>})
 * in the single table. Each save writes the whole item, conditional on the version the caller read.
 */
public final class DynamoDbCustomerStore implements CustomerStore {

    /** Exactly the DynamoDB actions this adapter calls; the template's policies must grant them. */
    public static final List<String> IAM_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query");
    /** What {@link #erase} calls besides a query; only the function that erases is granted it. */
    public static final List<String> ERASE_IAM_ACTIONS = List.of("dynamodb:Query", "dynamodb:BatchWriteItem");

    private final MeteredTable table;

    public DynamoDbCustomerStore(DynamoDbClient client, String tableName, CapacityMeter meter) {
        this(new MeteredTable(client, tableName, meter, null));
    }

    DynamoDbCustomerStore(MeteredTable table) {
        this.table = table;
    }

    // Consistent: the engine writes the profile conditionally on the version it reads here.
    @Override
    public Optional<CustomerProfile> profile(String customerId) {
        return table.get(profileKey(customerId), true).map(DynamoDbCustomerStore::profileFrom);
    }

    // Why: every event folds into the profile (contact, consent, suppression, loyalty, subscriptions), dispatch
    // re-reads it, and its engagement (recent marketing sends, reviews), expiring points and subscriptions are
    // what the send-time caps and exits check.
    @Override
    public boolean saveProfile(CustomerProfile profile, long expectedVersion) {
        Map<String, AttributeValue> item = Attributes.builder()
                .putAll(profileKey(profile.customerId()))
                .put("customerId", string(profile.customerId()))
                .put("email", string(profile.email()))
                .put("phone", string(profile.phone()))
                .put(SingleTable.PHONE_KEY, string(profile.phone() == null ? null : SingleTable.phone(profile.phone())))
                .put("firstName", string(profile.firstName()))
                .put("locale", string(profile.locale()))
                .put("timeZone", string(profile.timeZone()))
                .put("region", string(profile.region()))
                .put("consent", consent(profile.consent()))
                .put("suppression", suppression(profile.suppression()))
                .put("loyalty", loyalty(profile.loyalty()))
                .put("engagement", engagement(profile.engagement()))
                .put("subscriptions", subscriptions(profile.subscriptions()))
                .put("updatedAt", instant(profile.updatedAt()))
                .put("version", number(profile.version()))
                .build();
        return table.put(item, Condition.version(expectedVersion));
    }

    // Consistent: placing or cancelling an order writes it conditionally on the version read here.
    @Override
    public Optional<OrderRecord> order(String customerId, String orderId) {
        return table.get(orderKey(customerId, orderId), true).map(DynamoDbCustomerStore::orderFrom);
    }

    // Why: the order is what confirmations render, what cancellation checks, and the purchase history
    // that keeps recommendations from suggesting what was bought; its shipments are what shipping updates
    // compare against (stale, duplicate) and what review and tips requests cover, and its returns are what return
    // updates compare against and what ends those journeys; orderKey lets the index find its customer.
    @Override
    public boolean saveOrder(OrderRecord order, long expectedVersion) {
        Map<String, AttributeValue> item = Attributes.builder()
                .putAll(orderKey(order.customerId(), order.orderId()))
                .put(SingleTable.ORDER_KEY, string(SingleTable.order(order.orderId())))
                .put("customerId", string(order.customerId()))
                .put("orderId", string(order.orderId()))
                .put("orderNumber", string(order.orderNumber()))
                .put("placedAt", instant(order.placedAt()))
                .put("items", Attributes.list(order.items().stream().map(DynamoDbCustomerStore::lineItem).toList()))
                .put("subtotal", money(order.subtotal()))
                .put("discount", money(order.discount()))
                .put("shipping", money(order.shipping()))
                .put("tax", money(order.tax()))
                .put("total", money(order.total()))
                .put("status", string(order.status() == null ? null : order.status().name()))
                .put("cancelReason", string(order.cancelReason()))
                .put("shipments", shipments(order.shipments()))
                .put("returns", returns(order.returns()))
                .put("updatedAt", instant(order.updatedAt()))
                .put("version", number(order.version()))
                .build();
        return table.put(item, Condition.version(expectedVersion));
    }

    // Eventually consistent: history only excludes past purchases from recommendations, and the
    // order being confirmed is excluded from its own items; nothing is written from this read.
    @Override
    public List<OrderRecord> orders(String customerId) {
        return table.query(q -> q
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":pk", string(SingleTable.customer(customerId)),
                                ":prefix", string(SingleTable.ORDER))))
                .stream()
                .map(DynamoDbCustomerStore::orderFrom)
                .toList();
    }

    /**
     * Through the {@code byOrder} index, which is eventually consistent: an order written a moment
     * ago may not be found yet.
     *
     * @throws IllegalStateException when the order id belongs to two customers: guessing would mail
     *     one customer's order to another
     */
    @Override
    public Optional<String> customerIdForOrder(String orderId) {
        Set<String> customers = table.query(q -> q
                        .indexName(SingleTable.ORDER_INDEX)
                        .keyConditionExpression("#orderKey = :orderKey")
                        .expressionAttributeNames(Map.of("#orderKey", SingleTable.ORDER_KEY))
                        .expressionAttributeValues(Map.of(":orderKey", string(SingleTable.order(orderId)))))
                .stream()
                .map(key -> SingleTable.idAfter(SingleTable.CUSTOMER, key.get(SingleTable.PARTITION_KEY).s()))
                .collect(Collectors.toSet());
        if (customers.size() > 1) {
            throw new IllegalStateException("order " + orderId + " is stored for " + customers.size() + " customers");
        }
        return customers.stream().findFirst();
    }

    /**
     * Through the {@code byPhone} index, which is eventually consistent; a STOP sent a moment after
     * the number was first given may find no one, and SNS's own opt-out list still stops the texts.
     */
    @Override
    public List<String> customerIdsForPhone(String phoneNumber) {
        return table.query(q -> q
                        .indexName(SingleTable.PHONE_INDEX)
                        .keyConditionExpression("#phoneKey = :phoneKey")
                        .expressionAttributeNames(Map.of("#phoneKey", SingleTable.PHONE_KEY))
                        .expressionAttributeValues(Map.of(":phoneKey", string(SingleTable.phone(phoneNumber)))))
                .stream()
                .map(key -> SingleTable.idAfter(SingleTable.CUSTOMER, key.get(SingleTable.PARTITION_KEY).s()))
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * Deletes every item in the customer's partition: profile, orders and ledger. A consistent,
     * keys-only query, then batched deletes; run again, it finds nothing and deletes nothing.
     */
    @Override
    public int erase(String customerId) {
        List<Map<String, AttributeValue>> keys = table.query(q -> q
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", string(SingleTable.customer(customerId))))
                        .projectionExpression("pk, sk")
                        .consistentRead(true))
                .stream()
                .map(item -> SingleTable.key(item.get(SingleTable.PARTITION_KEY).s(), item.get(SingleTable.SORT_KEY).s()))
                .toList();
        table.batchDelete(keys);
        return keys.size();
    }

    private static Map<String, AttributeValue> profileKey(String customerId) {
        return SingleTable.key(SingleTable.customer(customerId), SingleTable.PROFILE);
    }

    private static Map<String, AttributeValue> orderKey(String customerId, String orderId) {
        return SingleTable.key(SingleTable.customer(customerId), SingleTable.order(orderId));
    }

    private static AttributeValue consent(Consent consent) {
        return consent == null ? null : map(Attributes.builder()
                .put("emailMarketing", bool(consent.emailMarketing()))
                .put("smsMarketing", bool(consent.smsMarketing()))
                .put("smsTransactional", bool(consent.smsTransactional()))
                .put("topicsOff", strings(consent.topicsOff()))
                .put("withdrawnByCustomer", strings(consent.withdrawnByCustomer())));
    }

    /** A string set; left out when empty, since DynamoDB has no empty sets. */
    private static AttributeValue strings(Set<String> values) {
        return values.isEmpty() ? null : AttributeValue.fromSs(values.stream().sorted().toList());
    }

    private static AttributeValue suppression(Suppression suppression) {
        return suppression == null ? null : map(Attributes.builder()
                .put("emailHardBounced", bool(suppression.emailHardBounced()))
                .put("emailComplained", bool(suppression.emailComplained()))
                .put("softBouncesInARow", suppression.softBouncesInARow() == 0 ? null
                        : number(suppression.softBouncesInARow())));
    }

    /**
     * {@code expiring} is left out when empty and {@code updatedAt} while it is the epoch, which is also
     * how a profile written before either existed reads.
     */
    private static AttributeValue loyalty(Loyalty loyalty) {
        return loyalty == null ? null : map(Attributes.builder()
                .put("member", bool(loyalty.member()))
                .put("tier", string(loyalty.tier()))
                .put("pointsBalance", number(loyalty.pointsBalance()))
                .put("expiring", loyalty.expiring().isEmpty() ? null : Attributes.list(loyalty.expiring().stream()
                        .map(expiry -> map(Attributes.builder()
                                .put("points", number(expiry.points()))
                                .put("expiresAt", instant(expiry.expiresAt()))))
                        .toList()))
                .put("updatedAt", Instant.EPOCH.equals(loyalty.updatedAt()) ? null : instant(loyalty.updatedAt())));
    }

    /** By subscription id; left out when there are none. */
    private static AttributeValue subscriptions(Map<String, Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return null;
        }
        Attributes.Builder byId = Attributes.builder();
        subscriptions.forEach((subscriptionId, subscription) -> byId.put(subscriptionId, map(Attributes.builder()
                .put("status", string(subscription.status() == null ? null : subscription.status().id()))
                .put("productId", string(subscription.productId()))
                .put("nextChargeAt", instant(subscription.nextChargeAt()))
                .put("amount", money(subscription.amount()))
                .put("manageUrl", string(subscription.manageUrl()))
                .put("updatedAt", instant(subscription.updatedAt())))));
        return map(byId);
    }

    /**
     * Left out when there is none, which is also how profiles written before engagement existed read;
     * each part is left out when empty.
     */
    private static AttributeValue engagement(Engagement engagement) {
        Attributes.Builder fields = Attributes.builder();
        if (!engagement.marketingSends().isEmpty()) {
            fields.put("marketingSends", Attributes.list(engagement.marketingSends().stream()
                    .map(send -> map(Attributes.builder()
                            .put("channel", string(send.channel() == null ? null : send.channel().id()))
                            .put("at", instant(send.at()))))
                    .toList()));
        }
        if (!engagement.reviews().isEmpty()) {
            Attributes.Builder reviews = Attributes.builder();
            engagement.reviews().forEach((productId, review) -> reviews.put(productId, map(Attributes.builder()
                    .put("rating", number(review.rating()))
                    .put("at", instant(review.at())))));
            fields.put("reviews", map(reviews));
        }
        fields.put("smsOptOutExplainedTo", string(engagement.smsOptOutExplainedTo()));
        Map<String, AttributeValue> built = fields.build();
        return built.isEmpty() ? null : AttributeValue.fromM(built);
    }

    /**
     * A list, not a map by shipment id: DynamoDB keeps a list's order but not a map's, and each
     * element carries its id, so the order costs no extra attribute. Saves write the whole item, so
     * no update ever needs a path to one shipment. Left out when there is none.
     */
    private static AttributeValue shipments(Map<String, ShipmentRecord> shipments) {
        return shipments.isEmpty() ? null : Attributes.list(shipments.values().stream()
                .map(DynamoDbCustomerStore::shipment)
                .toList());
    }

    /** A list in the order first seen, like shipments and for the same reasons. Left out when there is none. */
    private static AttributeValue returns(Map<String, ReturnRecord> returns) {
        return returns.isEmpty() ? null : Attributes.list(returns.values().stream()
                .map(returned -> map(Attributes.builder()
                        .put("returnId", string(returned.returnId()))
                        .put("status", string(returned.status() == null ? null : returned.status().id()))
                        .put("statusAt", instant(returned.statusAt()))
                        .put("items", Attributes.list(returned.items().stream()
                                .map(item -> map(Attributes.builder()
                                        .put("productId", string(item.productId()))
                                        .put("quantity", number(item.quantity()))
                                        .put("reason", string(item.reason()))))
                                .toList()))
                        .put("refundAmount", money(returned.refundAmount()))))
                .toList());
    }

    /** {@code items} is left out for a shipment of the whole order, and an empty list stays empty. */
    private static AttributeValue shipment(ShipmentRecord shipment) {
        return map(Attributes.builder()
                .put("shipmentId", string(shipment.shipmentId()))
                .put("status", string(shipment.status() == null ? null : shipment.status().id()))
                .put("statusAt", instant(shipment.statusAt()))
                .put("carrier", string(shipment.carrier()))
                .put("trackingNumber", string(shipment.trackingNumber()))
                .put("trackingUrl", string(shipment.trackingUrl()))
                .put("estimatedDelivery", instant(shipment.estimatedDelivery()))
                .put("items", shipment.items() == null ? null : Attributes.list(shipment.items().stream()
                        .map(item -> map(Attributes.builder()
                                .put("productId", string(item.productId()))
                                .put("quantity", number(item.quantity()))))
                        .toList())));
    }

    private static AttributeValue lineItem(LineItem item) {
        return map(Attributes.builder()
                .put("productId", string(item.productId()))
                .put("sku", string(item.sku()))
                .put("name", string(item.name()))
                .put("category", string(item.category()))
                .put("quantity", number(item.quantity()))
                .put("unitPrice", money(item.unitPrice()))
                .put("originalPrice", money(item.originalPrice()))
                .put("url", string(item.url()))
                .put("imageUrl", string(item.imageUrl())));
    }

    private static CustomerProfile profileFrom(Map<String, AttributeValue> item) {
        Attributes.Reader read = Attributes.read(item);
        Attributes.Reader consent = read.map("consent");
        Attributes.Reader suppression = read.map("suppression");
        Attributes.Reader loyalty = read.map("loyalty");
        return new CustomerProfile(
                read.requiredString("customerId"),
                read.string("email"),
                read.string("phone"),
                read.string("firstName"),
                read.string("locale"),
                read.string("timeZone"),
                read.string("region"),
                consent == null ? null : new Consent(
                        consent.bool("emailMarketing", false),
                        consent.bool("smsMarketing", false),
                        consent.bool("smsTransactional"),
                        consent.stringSet("topicsOff"),
                        consent.stringSet("withdrawnByCustomer")),
                suppression == null ? null : new Suppression(
                        suppression.bool("emailHardBounced", false),
                        suppression.bool("emailComplained", false),
                        (int) suppression.longNumber("softBouncesInARow", 0)),
                loyalty == null ? null : loyaltyFrom(loyalty),
                engagementFrom(read.map("engagement")),
                subscriptionsFrom(read.maps("subscriptions")),
                read.instant("updatedAt"),
                read.longNumber("version", 0));
    }

    private static OrderRecord orderFrom(Map<String, AttributeValue> item) {
        Attributes.Reader read = Attributes.read(item);
        List<Attributes.Reader> lines = read.list("items");
        String status = read.string("status");
        return new OrderRecord(
                read.requiredString("customerId"),
                read.requiredString("orderId"),
                read.string("orderNumber"),
                read.instant("placedAt"),
                lines == null ? List.of() : lines.stream().map(DynamoDbCustomerStore::lineItemFrom).toList(),
                read.money("subtotal"),
                read.money("discount"),
                read.money("shipping"),
                read.money("tax"),
                read.money("total"),
                status == null ? null : OrderStatus.valueOf(status),
                read.string("cancelReason"),
                shipmentsFrom(read.list("shipments")),
                // An order written before returns existed has only a returnedProducts set, which is not read.
                returnsFrom(read.list("returns")),
                read.instant("updatedAt"),
                read.longNumber("version", 0));
    }

    /** Absent {@code expiring} reads as none, absent {@code updatedAt} as the epoch (the record's default). */
    private static Loyalty loyaltyFrom(Attributes.Reader loyalty) {
        List<Attributes.Reader> expiring = loyalty.list("expiring");
        return new Loyalty(
                loyalty.bool("member", false),
                loyalty.string("tier"),
                loyalty.longNumber("pointsBalance", 0),
                expiring == null ? List.of() : expiring.stream()
                        .map(expiry -> new PointsExpiry(expiry.longNumber("points", 0), expiry.instant("expiresAt")))
                        .toList(),
                loyalty.instant("updatedAt"));
    }

    private static Map<String, Subscription> subscriptionsFrom(Map<String, Attributes.Reader> subscriptions) {
        Map<String, Subscription> byId = new LinkedHashMap<>();
        if (subscriptions != null) {
            subscriptions.forEach((subscriptionId, subscription) -> {
                String status = subscription.string("status");
                byId.put(subscriptionId, new Subscription(
                        subscriptionId,
                        status == null ? null : SubscriptionStatus.fromId(status),
                        subscription.string("productId"),
                        subscription.instant("nextChargeAt"),
                        subscription.money("amount"),
                        subscription.string("manageUrl"),
                        subscription.instant("updatedAt")));
            });
        }
        return byId;
    }

    /** In the order of the stored list, which is the order the returns were first seen. */
    private static Map<String, ReturnRecord> returnsFrom(List<Attributes.Reader> returns) {
        Map<String, ReturnRecord> byId = new LinkedHashMap<>();
        if (returns != null) {
            for (Attributes.Reader returned : returns) {
                String status = returned.string("status");
                List<Attributes.Reader> items = returned.list("items");
                ReturnRecord record = new ReturnRecord(
                        returned.requiredString("returnId"),
                        status == null ? null : ReturnStatus.fromId(status),
                        returned.instant("statusAt"),
                        items == null ? List.of() : items.stream()
                                .map(item -> {
                                    Integer quantity = item.integer("quantity");
                                    return new ReturnItem(item.string("productId"), quantity == null ? 0 : quantity,
                                            item.string("reason"));
                                })
                                .toList(),
                        returned.money("refundAmount"));
                byId.put(record.returnId(), record);
            }
        }
        return byId;
    }

    private static Engagement engagementFrom(Attributes.Reader engagement) {
        if (engagement == null) {
            return Engagement.NONE;
        }
        List<Attributes.Reader> sends = engagement.list("marketingSends");
        Map<String, Attributes.Reader> reviews = engagement.maps("reviews");
        Map<String, Engagement.ProductReview> byProduct = new LinkedHashMap<>();
        if (reviews != null) {
            reviews.forEach((productId, review) -> byProduct.put(productId,
                    new Engagement.ProductReview(review.integer("rating"), review.instant("at"))));
        }
        return new Engagement(
                sends == null ? List.of() : sends.stream()
                        .map(send -> {
                            String channel = send.string("channel");
                            return new Engagement.MarketingSend(
                                    channel == null ? null : Channel.fromId(channel), send.instant("at"));
                        })
                        .toList(),
                byProduct,
                engagement.string("smsOptOutExplainedTo"));
    }

    /** In the order of the stored list, which is the order the shipments were first seen. */
    private static Map<String, ShipmentRecord> shipmentsFrom(List<Attributes.Reader> shipments) {
        Map<String, ShipmentRecord> byId = new LinkedHashMap<>();
        if (shipments != null) {
            for (Attributes.Reader shipment : shipments) {
                ShipmentRecord record = shipmentFrom(shipment);
                byId.put(record.shipmentId(), record);
            }
        }
        return byId;
    }

    private static ShipmentRecord shipmentFrom(Attributes.Reader shipment) {
        String status = shipment.string("status");
        List<Attributes.Reader> items = shipment.list("items");
        return new ShipmentRecord(
                shipment.requiredString("shipmentId"),
                status == null ? null : ShipmentStatus.fromId(status),
                shipment.instant("statusAt"),
                shipment.string("carrier"),
                shipment.string("trackingNumber"),
                shipment.string("trackingUrl"),
                shipment.instant("estimatedDelivery"),
                items == null ? null : items.stream()
                        .map(item -> {
                            Integer quantity = item.integer("quantity");
                            return new ShipmentItem(item.string("productId"), quantity == null ? 0 : quantity);
                        })
                        .toList());
    }

    private static LineItem lineItemFrom(Attributes.Reader line) {
        Integer quantity = line.integer("quantity");
        return new LineItem(
                line.string("productId"),
                line.string("sku"),
                line.string("name"),
                line.string("category"),
                quantity == null ? 0 : quantity,
                line.money("unitPrice"),
                line.money("originalPrice"),
                line.string("url"),
                line.string("imageUrl"));
    }
}
