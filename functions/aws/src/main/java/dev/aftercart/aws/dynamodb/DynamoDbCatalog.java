package dev.aftercart.aws.dynamodb;

import static dev.aftercart.aws.dynamodb.Attributes.bool;
import static dev.aftercart.aws.dynamodb.Attributes.instant;
import static dev.aftercart.aws.dynamodb.Attributes.money;
import static dev.aftercart.aws.dynamodb.Attributes.number;
import static dev.aftercart.aws.dynamodb.Attributes.string;

import dev.aftercart.core.customer.CoPurchase;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.port.Catalog;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Products ({@code P#<productId>}/{@code META}) and co-purchase counts
 * ({@code P#<productId>}/{@code CO#<otherProductId>}) in the single table.
 *
 * <p>A product item has two writers that must not undo each other. The catalog ({@code Product
 * Updated}) sets its fields and {@code catalogUpdatedAt}, ignoring older descriptions. Orders
 * fill in only the fields nobody has set yet ({@code if_not_exists}), so an order can describe a
 * product the catalog never did, but never overrides the catalog; they also add to
 * {@code orderCount} and stamp {@code firstOrderedAt}. Neither writer touches the other's counters.
 */
public final class DynamoDbCatalog implements Catalog {

    /** Exactly the DynamoDB actions this adapter calls; the template's policies must grant them. */
    public static final List<String> IAM_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:UpdateItem", "dynamodb:Query");

    /**
     * How many distinct products of one order are recorded. The pair counts grow quadratically:
     * n products cost n description writes plus n(n-1) pair writes, so 6 products cost 36 writes
     * while 20 would cost 400. Like the recommender's seeds, the first six lines carry the signal.
     */
    public static final int PRODUCTS_PER_ORDER = 6;

    private final MeteredTable table;

    public DynamoDbCatalog(DynamoDbClient client, String tableName, CapacityMeter meter) {
        this(new MeteredTable(client, tableName, meter, null));
    }

    DynamoDbCatalog(MeteredTable table) {
        this.table = table;
    }

    // Eventually consistent: catalog facts (delays, names) tolerate a second's lag; nothing is written from them.
    @Override
    public Optional<Product> product(String productId) {
        return table.get(productKey(productId), false).map(DynamoDbCatalog::productFrom);
    }

    @Override
    public Map<String, Product> products(Collection<String> productIds) {
        List<Map<String, AttributeValue>> keys = productIds.stream()
                .filter(Objects::nonNull)
                .distinct()
                .map(DynamoDbCatalog::productKey)
                .toList();
        Map<String, Product> products = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : table.batchGet(keys)) {
            Product product = productFrom(item);
            products.put(product.productId(), product);
        }
        return products;
    }

    // Why: the catalog's facts drive review delays, replenishment and which products may be recommended.
    // An update, not a put: the order-derived counters on the same item must survive.
    @Override
    public boolean saveProduct(Product product) {
        Objects.requireNonNull(product.updatedAt(), "a catalog description needs the time it was made");
        Update update = new Update()
                .set("productId", string(product.productId()))
                .set("name", string(product.name()))
                .set("category", string(product.category()))
                .set("url", string(product.url()))
                .set("imageUrl", string(product.imageUrl()))
                .set("price", money(product.price()))
                .set("usageDays", number(product.usageDays()))
                .set("replenishAfterDays", number(product.replenishAfterDays()))
                .set("active", bool(product.active()))
                .set("catalogUpdatedAt", instant(product.updatedAt()))
                .onlyIf("attribute_not_exists(#catalogUpdatedAt) OR #catalogUpdatedAt < :catalogUpdatedAt");
        return table.update(productKey(product.productId()), update);
    }

    /**
     * Records the first {@value #PRODUCTS_PER_ORDER} distinct products of the order. The counts are
     * not idempotent, so this relies on the caller recording each order once (the Recorder calls it
     * only after the order's first write); a failure part-way loses counts, never doubles them.
     */
    @Override
    public void recordPurchase(List<LineItem> items, Instant at) {
        Map<String, LineItem> lines = new LinkedHashMap<>();
        for (LineItem item : items) {
            if (item.productId() != null && lines.size() < PRODUCTS_PER_ORDER) {
                lines.putIfAbsent(item.productId(), item);
            }
        }
        // Why: describes products the catalog has not (so they can be recommended) and counts their orders.
        for (LineItem line : lines.values()) {
            table.update(productKey(line.productId()), new Update()
                    .set("productId", string(line.productId()))
                    .setIfAbsent("name", string(line.name()))
                    .setIfAbsent("category", string(line.category()))
                    .setIfAbsent("url", string(line.url()))
                    .setIfAbsent("imageUrl", string(line.imageUrl()))
                    .setIfAbsent("price", money(line.unitPrice()))
                    .setIfAbsent("firstOrderedAt", instant(at))
                    .add("orderCount", 1));
        }
        // Why: both directions are counted, so "bought with X" is one query of X's partition.
        for (String product : lines.keySet()) {
            for (String other : lines.keySet()) {
                if (!product.equals(other)) {
                    table.update(SingleTable.key(SingleTable.product(product), SingleTable.coPurchase(other)),
                            new Update().add("count", 1));
                }
            }
        }
    }

    // Eventually consistent: a count a second behind changes no recommendation.
    @Override
    public List<CoPurchase> boughtWith(String productId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return table.query(q -> q
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .projectionExpression("sk, #count")
                        .expressionAttributeNames(Map.of("#count", "count"))
                        .expressionAttributeValues(Map.of(
                                ":pk", string(SingleTable.product(productId)),
                                ":prefix", string(SingleTable.CO_PURCHASE))))
                .stream()
                .map(item -> new CoPurchase(
                        SingleTable.idAfter(SingleTable.CO_PURCHASE, item.get(SingleTable.SORT_KEY).s()),
                        Attributes.read(item).longNumber("count", 0)))
                .sorted(Comparator.comparingLong(CoPurchase::count).reversed().thenComparing(CoPurchase::productId))
                .limit(limit)
                .toList();
    }

    private static Map<String, AttributeValue> productKey(String productId) {
        return SingleTable.key(SingleTable.product(productId), SingleTable.PRODUCT_META);
    }

    private static Product productFrom(Map<String, AttributeValue> item) {
        Attributes.Reader read = Attributes.read(item);
        Instant described = read.instant("catalogUpdatedAt");
        return new Product(
                SingleTable.idAfter(SingleTable.PRODUCT, read.requiredString(SingleTable.PARTITION_KEY)),
                read.string("name"),
                read.string("category"),
                read.string("url"),
                read.string("imageUrl"),
                read.money("price"),
                read.integer("usageDays"),
                read.integer("replenishAfterDays"),
                // Known only from orders: the catalog has not retired it.
                read.bool("active", true),
                described != null ? described : read.instant("firstOrderedAt"));
    }
}
