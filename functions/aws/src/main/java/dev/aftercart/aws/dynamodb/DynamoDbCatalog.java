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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Products ({@code P#<productId>}/{@code META}) and co-purchase counts
 * ({@code P#<productId>}/{@code CO#<otherProductId>}) in the single table, and a category's best
 * sellers through the {@value SingleTable#CATEGORY_INDEX} index.
 *
 * <p>A product item has two writers that must not undo each other. The catalog ({@code Product
 * Updated}) sets its fields and {@code catalogUpdatedAt}, ignoring older descriptions. Orders
 * fill in only the fields nobody has set yet ({@code if_not_exists}), so an order can describe a
 * product the catalog never did, but never overrides the catalog; they also add to
 * {@value SingleTable#ORDER_COUNT} and stamp {@code firstOrderedAt}. Neither writer touches the
 * other's counters. {@value SingleTable#CATEGORY_KEY} always travels with {@code category} (both
 * set, both removed, or both filled in only if absent), so the index files a product under the
 * category it is described with. A product written before the index existed joins it at its next
 * catalog update, or at its next order if it has no category yet.
 *
 * <p><b>Bounded co-purchase counts.</b> A product keeps at most {@value SingleTable#MAX_PARTNERS}
 * {@code CO#} items. The recommender reads only the first few, but without a bound a popular product's partition grows with every distinct
 * product ever bought beside it, and every {@link #boughtWith} query of it reads them all.
 *
 * <p>How: each pair is counted with an {@code ADD} that asks for {@code ReturnValues = UPDATED_OLD},
 * which says, at no extra cost, whether the partner is new (there was no old {@code count}). Only a
 * product that gained a partner in this order is checked, once per order: one consistent query of its
 * {@code CO#} items and, only past the bound, one {@code BatchWriteItem} deleting those that
 * {@link #boughtWith} ranks last (lowest count, then highest id). What is kept is exactly the
 * product's top {@value SingleTable#MAX_PARTNERS} as {@code boughtWith} would list them.
 *
 * <p>Cost: a pair already counted costs the same one write unit as before and nothing more, so a
 * product whose partners are settled costs nothing extra. A new partner costs the check query: at
 * most {@value SingleTable#MAX_PARTNERS} plus the {@value #PRODUCTS_PER_ORDER} minus one an order can
 * add, about 100 bytes each, so one or two read units. Past the bound, one write unit per count
 * deleted, usually one.
 *
 * <p>Why not keep a {@code partners} counter on the product item instead of querying: the counter
 * costs a write unit on every new partner, and a read unit costs a fifth of a write unit on demand,
 * so it saves nothing below the bound; the prune must query anyway to learn which counts are lowest;
 * and a counter drifts whenever a function stops between the pair write and the counter write, or
 * two orders prune at once. The query is the truth, so there is nothing to drift.
 *
 * <p>Limits: two orders of one product recorded at the same moment can each add a partner after
 * the other's check, leaving the product briefly above the bound; its next new partner's check
 * removes all the excess, which is also how a partition written before the bound existed is trimmed.
 * Counts are never decayed: once every kept partner has been bought twice, a newcomer (count 1)
 * ranks last and is dropped at once, so the kept set favours established pairs. (Space-Saving would
 * let a newcomer in by crediting it the evicted count, but the counts would then no longer be what
 * {@code boughtWith} promises: how often the two were bought together.)
 */
public final class DynamoDbCatalog implements Catalog {

    /** Exactly the DynamoDB actions this adapter calls; the template's policies must grant them. */
    public static final List<String> IAM_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:UpdateItem", "dynamodb:Query",
            "dynamodb:BatchWriteItem");

    /**
     * How many distinct products of one order are recorded. The pair counts grow quadratically:
     * n products cost n description writes plus n(n-1) pair writes, so 6 products cost 36 writes
     * while 20 would cost 400. Like the recommender's seeds, the first six lines carry the signal.
     */
    public static final int PRODUCTS_PER_ORDER = 6;

    /**
     * How many products past the limit {@link #bestSellers} reads, at most, to rank those tied with
     * the last one by id. The index orders equal counts as DynamoDB likes; reading a little further
     * (keys only, about 100 bytes each, so the first page stays within a read unit or two) makes the
     * answer repeatable, with a bound on what a long tail of once-ordered products can cost.
     */
    static final int BEST_SELLER_TIES_READ = 50;

    private static final String COUNT = "count";
    /** Most first, then by id, so equal counts always list alike. */
    private static final Comparator<CoPurchase> PARTNER_RANKING =
            Comparator.comparingLong(CoPurchase::count).reversed().thenComparing(CoPurchase::productId);

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
                .set(SingleTable.CATEGORY_KEY, categoryKey(product.category()))
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
     * Products that gained a partner are then held to {@value SingleTable#MAX_PARTNERS} partners (see
     * the class comment).
     */
    @Override
    public void recordPurchase(List<LineItem> items, Instant at) {
        Map<String, LineItem> lines = new LinkedHashMap<>();
        for (LineItem item : items) {
            if (item.productId() != null && lines.size() < PRODUCTS_PER_ORDER) {
                lines.putIfAbsent(item.productId(), item);
            }
        }
        // Why: describes products the catalog has not (so they can be recommended), counts their orders,
        // and files them under their category, which is what ranks best sellers.
        for (LineItem line : lines.values()) {
            table.update(productKey(line.productId()), new Update()
                    .set("productId", string(line.productId()))
                    .setIfAbsent("name", string(line.name()))
                    .setIfAbsent("category", string(line.category()))
                    .setIfAbsent(SingleTable.CATEGORY_KEY, categoryKey(line.category()))
                    .setIfAbsent("url", string(line.url()))
                    .setIfAbsent("imageUrl", string(line.imageUrl()))
                    .setIfAbsent("price", money(line.unitPrice()))
                    .setIfAbsent("firstOrderedAt", instant(at))
                    .add(SingleTable.ORDER_COUNT, 1));
        }
        // Why: both directions are counted, so "bought with X" is one query of X's partition.
        Set<String> gainedPartner = new LinkedHashSet<>();
        for (String product : lines.keySet()) {
            for (String other : lines.keySet()) {
                if (!product.equals(other)) {
                    Map<String, AttributeValue> old = table.update(coPurchaseKey(product, other),
                            new Update().add(COUNT, 1), ReturnValue.UPDATED_OLD).orElseThrow();
                    if (!old.containsKey(COUNT)) {
                        gainedPartner.add(product);
                    }
                }
            }
        }
        gainedPartner.forEach(this::keepTopPartners);
    }

    /**
     * Deletes the product's co-purchase counts that rank below the first
     * {@value SingleTable#MAX_PARTNERS}. Consistent, so the partners just added are counted.
     */
    private void keepTopPartners(String productId) {
        List<CoPurchase> partners = coPurchases(productId, true);
        if (partners.size() <= SingleTable.MAX_PARTNERS) {
            return;
        }
        // Why: bounds the partition and every boughtWith query of it; these counts rank last.
        table.batchDelete(partners.subList(SingleTable.MAX_PARTNERS, partners.size()).stream()
                .map(partner -> coPurchaseKey(productId, partner.productId()))
                .toList());
    }

    // Eventually consistent: a count a second behind changes no recommendation.
    @Override
    public List<CoPurchase> boughtWith(String productId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return coPurchases(productId, false).stream().limit(limit).toList();
    }

    /**
     * Through the {@value SingleTable#CATEGORY_INDEX} index, most orders first, then by product id;
     * eventually consistent, as every index is. Products never ordered are not best sellers, and
     * retired ones are left for the caller to filter, as it filters every product it suggests.
     */
    @Override
    public List<String> bestSellers(String category, int limit) {
        AttributeValue categoryKey = categoryKey(category);
        if (categoryKey == null || limit <= 0) {
            return List.of();
        }
        int reading = limit + BEST_SELLER_TIES_READ;
        return table.query(q -> q
                                .indexName(SingleTable.CATEGORY_INDEX)
                                .keyConditionExpression("#categoryKey = :categoryKey")
                                .expressionAttributeNames(Map.of("#categoryKey", SingleTable.CATEGORY_KEY))
                                .expressionAttributeValues(Map.of(":categoryKey", categoryKey))
                                .scanIndexForward(false)
                                .limit(reading),
                        read -> read.size() >= reading || pastTheTiesAtTheLimit(read, limit))
                .stream()
                .map(key -> new Sold(
                        SingleTable.idAfter(SingleTable.PRODUCT, key.get(SingleTable.PARTITION_KEY).s()),
                        orderCount(key)))
                .sorted(Comparator.comparingLong(Sold::orders).reversed().thenComparing(Sold::productId))
                .limit(limit)
                .map(Sold::productId)
                .toList();
    }

    /** A product and how many orders held it, as the category index keys it. */
    private record Sold(String productId, long orders) {
    }

    /** Whether keys read in descending count order already hold every product tied with the limit-th. */
    private static boolean pastTheTiesAtTheLimit(List<Map<String, AttributeValue>> read, int limit) {
        return read.size() > limit
                && orderCount(read.get(read.size() - 1)) < orderCount(read.get(limit - 1));
    }

    private static long orderCount(Map<String, AttributeValue> key) {
        return Attributes.read(key).longNumber(SingleTable.ORDER_COUNT, 0);
    }

    /** Every co-purchase count of the product, ranked as {@link #boughtWith} lists them. */
    private List<CoPurchase> coPurchases(String productId, boolean consistent) {
        return table.query(q -> q
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .projectionExpression("sk, #count")
                        .expressionAttributeNames(Map.of("#count", COUNT))
                        .consistentRead(consistent)
                        .expressionAttributeValues(Map.of(
                                ":pk", string(SingleTable.product(productId)),
                                ":prefix", string(SingleTable.CO_PURCHASE))))
                .stream()
                .map(item -> new CoPurchase(
                        SingleTable.idAfter(SingleTable.CO_PURCHASE, item.get(SingleTable.SORT_KEY).s()),
                        Attributes.read(item).longNumber(COUNT, 0)))
                .sorted(PARTNER_RANKING)
                .toList();
    }

    private static AttributeValue categoryKey(String category) {
        return category == null || category.isBlank() ? null : string(SingleTable.category(category));
    }

    private static Map<String, AttributeValue> coPurchaseKey(String productId, String otherProductId) {
        return SingleTable.key(SingleTable.product(productId), SingleTable.coPurchase(otherProductId));
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
