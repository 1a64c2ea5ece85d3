package dev.aftercart.core.testing;

import dev.aftercart.core.customer.CoPurchase;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.port.Catalog;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Catalog} in memory. A product described from an order line is stored with
 * {@code updatedAt = EPOCH}, so the catalog's own {@code Product Updated}, however old, always
 * replaces it; a later order line never does.
 */
public final class InMemoryCatalog implements Catalog {

    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> boughtTogether = new HashMap<>();
    private final Map<String, Long> unitsOrdered = new HashMap<>();

    @Override
    public synchronized Optional<Product> product(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    @Override
    public synchronized Map<String, Product> products(Collection<String> productIds) {
        Map<String, Product> found = new LinkedHashMap<>();
        for (String id : productIds) {
            Product product = products.get(id);
            if (product != null) {
                found.put(id, product);
            }
        }
        return found;
    }

    @Override
    public synchronized boolean saveProduct(Product product) {
        Product stored = products.get(product.productId());
        if (stored != null && stored.updatedAt().isAfter(product.updatedAt())) {
            return false;
        }
        products.put(product.productId(), product);
        return true;
    }

    @Override
    public synchronized void recordPurchase(List<LineItem> items, Instant at) {
        Set<String> ids = new LinkedHashSet<>();
        for (LineItem item : items) {
            if (!ids.contains(item.productId())) {
                unitsOrdered.merge(item.productId(), 1L, Long::sum);
            }
            ids.add(item.productId());
            products.putIfAbsent(item.productId(), new Product(item.productId(), item.name(), item.category(),
                    item.url(), item.imageUrl(), item.unitPrice(), null, null, true, Instant.EPOCH));
        }
        for (String a : ids) {
            for (String b : ids) {
                if (!a.equals(b)) {
                    boughtTogether.computeIfAbsent(a, k -> new HashMap<>()).merge(b, 1L, Long::sum);
                }
            }
        }
    }

    /** Like the DynamoDB catalog: the category's products by how many orders held them, then by id. */
    @Override
    public synchronized List<String> bestSellers(String category, int limit) {
        return products.values().stream()
                .filter(p -> category.equals(p.category()))
                .sorted(java.util.Comparator.<Product>comparingLong(p -> unitsOrdered.getOrDefault(p.productId(), 0L))
                        .reversed().thenComparing(Product::productId))
                .map(Product::productId)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<CoPurchase> boughtWith(String productId, int limit) {
        return boughtTogether.getOrDefault(productId, Map.of()).entrySet().stream()
                .map(e -> new CoPurchase(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(CoPurchase::count).reversed().thenComparing(CoPurchase::productId))
                .limit(limit)
                .toList();
    }

    /** Seeds history: {@code a} and {@code b} were bought together in {@code orders} more orders. */
    public synchronized InMemoryCatalog boughtTogether(String a, String b, long orders) {
        boughtTogether.computeIfAbsent(a, k -> new HashMap<>()).merge(b, orders, Long::sum);
        boughtTogether.computeIfAbsent(b, k -> new HashMap<>()).merge(a, orders, Long::sum);
        return this;
    }
}
