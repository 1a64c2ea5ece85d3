package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CoPurchase;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.port.Catalog;
import dev.aftercart.core.port.CustomerStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item-to-item cross-sell: the products most often bought together with what was ordered. It
 * never suggests anything the customer has bought (this order included) or an inactive product.
 */
public final class Recommender {

    /** How many ordered products seed the scores; the rest add little and cost a query each. */
    static final int SEEDS = 6;
    static final int PER_SEED = 20;

    private final CustomerStore customers;
    private final Catalog catalog;

    public Recommender(CustomerStore customers, Catalog catalog) {
        this.customers = customers;
        this.catalog = catalog;
    }

    public List<Product> forOrder(OrderRecord order, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Set<String> excluded = new HashSet<>();
        order.items().forEach(item -> excluded.add(item.productId()));
        for (OrderRecord past : customers.orders(order.customerId())) {
            past.items().forEach(item -> excluded.add(item.productId()));
        }
        Map<String, Long> scores = new HashMap<>();
        order.items().stream().map(LineItem::productId).distinct().limit(SEEDS).forEach(seed -> {
            for (CoPurchase co : catalog.boughtWith(seed, PER_SEED)) {
                if (!excluded.contains(co.productId())) {
                    scores.merge(co.productId(), co.count(), Long::sum);
                }
            }
        });
        List<String> ranked = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .limit(limit * 3L)
                .toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<String, Product> products = catalog.products(ranked);
        return ranked.stream()
                .map(products::get)
                .filter(p -> p != null && p.active() && p.name() != null)
                .limit(limit)
                .toList();
    }
}
