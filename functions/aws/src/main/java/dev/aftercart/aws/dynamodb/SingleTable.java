package dev.aftercart.aws.dynamodb;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The one table every adapter shares, and the names {@code template.yaml} and the local runner
 * must match.
 *
 * <p>Keys are strings: partition key {@value #PARTITION_KEY}, sort key {@value #SORT_KEY}. Items:
 *
 * <table>
 * <caption>Item layout</caption>
 * <tr><th>item</th><th>{@value #PARTITION_KEY}</th><th>{@value #SORT_KEY}</th><th>other keys</th></tr>
 * <tr><td>customer profile</td><td>{@code C#<customerId>}</td><td>{@code PROFILE}</td>
 *     <td>{@value #PHONE_KEY} = {@code TEL#<E.164 number>} when it has a phone, for the {@value #PHONE_INDEX} index</td></tr>
 * <tr><td>order</td><td>{@code C#<customerId>}</td><td>{@code O#<orderId>}</td>
 *     <td>{@value #ORDER_KEY} = {@code O#<orderId>}, for the {@value #ORDER_INDEX} index</td></tr>
 * <tr><td>ledger entry</td><td>{@code C#<customerId>}</td><td>{@code M#<messageId>}</td>
 *     <td>{@value #TIME_TO_LIVE} once its status is final</td></tr>
 * <tr><td>product</td><td>{@code P#<productId>}</td><td>{@code META}</td>
 *     <td>{@value #CATEGORY_KEY} = {@code CAT#<category>} when it has a category, and {@value #ORDER_COUNT}
 *     once ordered, for the {@value #CATEGORY_INDEX} index</td></tr>
 * <tr><td>sending reputation</td><td>{@code STACK}</td><td>{@code REPUTATION}</td>
 *     <td>see {@link DynamoDbSendingReputation}</td></tr>
 * <tr><td>co-purchase count</td><td>{@code P#<productId>}</td><td>{@code CO#<otherProductId>}</td>
 *     <td>at most {@value #MAX_PARTNERS} a product</td></tr>
 * </table>
 *
 * <p>A customer's profile, orders and messages share one partition, so "everything about this
 * customer" is one query and the engine's reads stay single-partition. A product's description and
 * its co-purchase counts share one, so "bought with X" is one query over {@code CO#}.
 *
 * <p>The global secondary index {@value #ORDER_INDEX} (partition key {@value #ORDER_KEY}, keys
 * only) finds an order's customer when an event carries only the order id. Only order items carry
 * {@value #ORDER_KEY}, so the index holds nothing else. IAM for {@code dynamodb:Query} must cover
 * {@code table/<name>/index/*} as well as the table.
 *
 * <p>The global secondary index {@value #CATEGORY_INDEX} (partition key {@value #CATEGORY_KEY}, a
 * string, sort key {@value #ORDER_COUNT}, a number; keys only) ranks a category's products by how
 * many orders held them, for best sellers where co-purchases say nothing yet. It is sparse: only
 * product items that have a category and have been ordered carry both keys, so a catalog entry never
 * sold is not a best seller and customer items never enter it. Each order of a categorised product
 * moves its sort key, which DynamoDB bills as an index delete and put; nothing else written to a
 * product (its name, its price) touches the index, because only keys are projected.
 *
 * <p>The global secondary index {@value #PHONE_INDEX} (partition key {@value #PHONE_KEY}, keys only)
 * finds the customers of a number that texted STOP, START or HELP. Only profiles with a phone carry
 * the key, so the index holds nothing else; erasing a customer deletes the profile and so its entry.
 *
 * <p>{@value #TIME_TO_LIVE} (epoch seconds, a number) is the table's TTL attribute; only final
 * ledger entries carry it.
 *
 * <p>The profile's {@code loyalty} map holds {@code member}, {@code tier} and {@code pointsBalance},
 * and, when there are any, {@code expiring}, a list of {@code points} and {@code expiresAt} in the
 * order the programme reported them, and {@code updatedAt}, the time of that report (left out while it
 * is the epoch, as on a profile no report has reached). Profiles written before either existed read
 * as no expiring points, reported at the epoch. {@code subscriptions} is a map from subscription id to
 * {@code status} (the status id, such as {@code active}), {@code productId}, {@code nextChargeAt},
 * {@code amount} (money), {@code manageUrl} and {@code updatedAt}; it is left out when there are none,
 * which is also how profiles written before subscriptions existed read. A map, not a list: the core
 * keeps subscriptions by id with no order, and the renewal journey looks one up by id. Both live on
 * the profile for the same reason engagement does: the send-time re-check reads them with the
 * profile (points spent, subscription moved) and they are written under the profile's version.
 *
 * <p>{@code consent} holds {@code emailMarketing}, {@code smsMarketing}, {@code smsTransactional} and,
 * when not empty, the string sets {@code topicsOff} and {@code withdrawnByCustomer};
 * {@code suppression} holds {@code emailHardBounced}, {@code emailComplained} and, when not 0,
 * {@code softBouncesInARow}. Profiles written before these existed read as empty and 0.
 *
 * <p>Beside its contact, consent, suppression and loyalty, the profile carries {@code engagement}: a
 * map of {@code marketingSends} (a list of {@code channel} id and {@code at}, the last 30 days as the
 * core keeps them) and {@code reviews} (a map from product id to {@code rating} and {@code at}). It
 * lives on the profile item because the send-time policy must be a pure function of the profile:
 * dispatch already reads the profile consistently and writes it back conditionally on its version,
 * so caps, cooldowns and "already reviewed" need no second read and can never disagree with the
 * profile they are checked against. The attribute is left out when there is no engagement (as on
 * profiles written before it existed), and each part is left out when empty.
 *
 * <p>Beside its lines and money, the order carries {@code shipments}, a list in the order the
 * shipments were first seen (a DynamoDB map keeps no order; each element carries its
 * {@code shipmentId}, so order costs no extra attribute): {@code status} (the shipment status id,
 * such as {@code out_for_delivery}), {@code statusAt}, {@code carrier}, {@code trackingNumber},
 * {@code trackingUrl}, {@code estimatedDelivery} and {@code items}, a list of {@code productId} and
 * {@code quantity} that is left out when the shipment carries the whole order. It also carries
 * {@code returns}, a list in the order the returns were first seen, for the same reason: each element
 * has its {@code returnId}, {@code status} (the return status id, such as {@code refunded}),
 * {@code statusAt}, {@code items} (a list of {@code productId}, {@code quantity} and, when the customer
 * gave one, {@code reason}) and {@code refundAmount} (money). The returned products are derived from
 * the returns, not stored. Both live on the order item because they are read with their order, by
 * the shipping and return journeys, the review and tips requests and their exit checks, and are
 * written with it, under the order's version. Each is left out when empty: an empty list would be
 * bytes for nothing. Orders written before returns existed carried a {@code returnedProducts} string
 * set instead; it is no longer read, so such an order reads as having no returns.
 *
 * <p>Attribute values: money is a map of {@code amount} (a decimal string: a DynamoDB number would
 * drop trailing zeros such as {@code "79.00"}) and {@code currency} (ISO 4217 code); instants are
 * ISO-8601 strings with nine fraction digits, so they also compare correctly as strings; null
 * fields are left out.
 */
public final class SingleTable {

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String ORDER_INDEX = "byOrder";
    public static final String ORDER_KEY = "orderKey";
    public static final ProjectionType ORDER_INDEX_PROJECTION = ProjectionType.KEYS_ONLY;
    public static final String CATEGORY_INDEX = "byCategory";
    public static final String CATEGORY_KEY = "categoryKey";
    public static final String ORDER_COUNT = "orderCount";
    public static final ProjectionType CATEGORY_INDEX_PROJECTION = ProjectionType.KEYS_ONLY;
    public static final String PHONE_INDEX = "byPhone";
    public static final String PHONE_KEY = "phoneKey";
    public static final ProjectionType PHONE_INDEX_PROJECTION = ProjectionType.KEYS_ONLY;
    public static final String TIME_TO_LIVE = "expiresAt";
    /** The most co-purchase counts kept per product; see {@link DynamoDbCatalog#recordPurchase}. */
    public static final int MAX_PARTNERS = 50;
    public static final BillingMode BILLING_MODE = BillingMode.PAY_PER_REQUEST;

    static final String CUSTOMER = "C#";
    static final String PROFILE = "PROFILE";
    static final String ORDER = "O#";
    static final String MESSAGE = "M#";
    static final String PRODUCT = "P#";
    static final String PRODUCT_META = "META";
    static final String CO_PURCHASE = "CO#";
    static final String CATEGORY = "CAT#";
    static final String PHONE = "TEL#";
    static final String STACK = "STACK";
    static final String REPUTATION = "REPUTATION";

    private SingleTable() {
    }

    /** The table as the SAM template declares it, for tests and tools (TTL is a separate call). */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BILLING_MODE)
                .attributeDefinitions(
                        stringAttribute(PARTITION_KEY),
                        stringAttribute(SORT_KEY),
                        stringAttribute(ORDER_KEY),
                        stringAttribute(CATEGORY_KEY),
                        stringAttribute(PHONE_KEY),
                        AttributeDefinition.builder().attributeName(ORDER_COUNT).attributeType(ScalarAttributeType.N).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(SORT_KEY).keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName(ORDER_INDEX)
                                .keySchema(KeySchemaElement.builder().attributeName(ORDER_KEY).keyType(KeyType.HASH).build())
                                .projection(Projection.builder().projectionType(ORDER_INDEX_PROJECTION).build())
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName(CATEGORY_INDEX)
                                .keySchema(
                                        KeySchemaElement.builder().attributeName(CATEGORY_KEY).keyType(KeyType.HASH).build(),
                                        KeySchemaElement.builder().attributeName(ORDER_COUNT).keyType(KeyType.RANGE).build())
                                .projection(Projection.builder().projectionType(CATEGORY_INDEX_PROJECTION).build())
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName(PHONE_INDEX)
                                .keySchema(KeySchemaElement.builder().attributeName(PHONE_KEY).keyType(KeyType.HASH).build())
                                .projection(Projection.builder().projectionType(PHONE_INDEX_PROJECTION).build())
                                .build())
                .build();
    }

    /** Turns on expiry by {@value #TIME_TO_LIVE}, as the template's {@code TimeToLiveSpecification} does. */
    public static UpdateTimeToLiveRequest timeToLiveRequest(String tableName) {
        return UpdateTimeToLiveRequest.builder()
                .tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder()
                        .attributeName(TIME_TO_LIVE)
                        .enabled(true)
                        .build())
                .build();
    }

    static Map<String, AttributeValue> key(String partition, String sort) {
        Map<String, AttributeValue> key = new HashMap<>(2);
        key.put(PARTITION_KEY, AttributeValue.fromS(partition));
        key.put(SORT_KEY, AttributeValue.fromS(sort));
        return key;
    }

    static String customer(String customerId) {
        return CUSTOMER + customerId;
    }

    static String order(String orderId) {
        return ORDER + orderId;
    }

    static String message(String messageId) {
        return MESSAGE + messageId;
    }

    static String product(String productId) {
        return PRODUCT + productId;
    }

    static String coPurchase(String productId) {
        return CO_PURCHASE + productId;
    }

    static String phone(String phoneNumber) {
        return PHONE + phoneNumber;
    }

    static String category(String category) {
        return CATEGORY + category;
    }

    /** The id after a key's prefix, e.g. the customer id in {@code C#<customerId>}. */
    static String idAfter(String prefix, String keyValue) {
        if (!keyValue.startsWith(prefix)) {
            throw new IllegalStateException("key " + keyValue + " does not start with " + prefix);
        }
        return keyValue.substring(prefix.length());
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
