package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CoPurchase;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.policy.SendRules;
import dev.aftercart.core.port.Catalog;
import dev.aftercart.core.port.CustomerStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Item-to-item recommendations: the products most often bought together with what was ordered,
 * then the best sellers of the order's categories when co-purchases say too little. Never
 * anything the customer bought, returned or rated poorly, the products the message is about, or
 * an inactive product.
 */
public final class Recommender {

    /** How many ordered products seed the scores; the rest add little and cost a query each. */
    static final int SEEDS = 6;
    static final int PER_SEED = 20;

    private final CustomerStore customers;
    private final Catalog catalog;
    private final SendRules rules;

    public Recommender(CustomerStore customers, Catalog catalog, SendRules rules) {
        this.customers = customers;
        this.catalog = catalog;
        this.rules = rules;
    }

    public Recommender(CustomerStore customers, Catalog catalog) {
        this(customers, catalog, SendRules.DEFAULTS);
    }

    public List<Product> forOrder(OrderRecord order, int limit) {
        return forOrder(order, null, List.of(), limit);
    }

    /**
     * Up to {@code limit} products for a message about {@code order} (and, within it, {@code about}),
     * for {@code profile}'s customer.
     */
    public List<Product> forOrder(OrderRecord order, CustomerProfile profile, Collection<String> about, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Set<String> excluded = excluded(order, profile, about);
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
                .limit(limit * 3L)
                .map(Map.Entry::getKey)
                .toList();
        List<Product> picks = new ArrayList<>(offerable(ranked, limit));
        // Decided after the inactive are dropped: discontinued favourites keep their counts and must not crowd out the rest.
        if (picks.size() < limit) {
            Set<String> bestSellers = new LinkedHashSet<>();
            order.items().stream().map(LineItem::category).filter(Objects::nonNull).distinct().forEach(category -> {
                for (String productId : catalog.bestSellers(category, limit * 3)) {
                    if (!excluded.contains(productId) && !ranked.contains(productId)) {
                        bestSellers.add(productId);
                    }
                }
            });
            picks.addAll(offerable(bestSellers, limit - picks.size()));
        }
        return List.copyOf(picks);
    }

    /** Up to {@code limit} of these products, in this order, that the catalog knows, names and still sells. */
    private List<Product> offerable(Collection<String> productIds, int limit) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        Map<String, Product> products = catalog.products(productIds);
        return productIds.stream()
                .map(products::get)
                .filter(p -> p != null && p.active() && p.name() != null)
                .limit(limit)
                .toList();
    }

    /** What never to suggest: bought or returned in any order, rated poorly, or what the message is about. */
    private Set<String> excluded(OrderRecord order, CustomerProfile profile, Collection<String> about) {
        Set<String> excluded = new HashSet<>(about);
        List<OrderRecord> history = new ArrayList<>(customers.orders(order.customerId()));
        history.add(order);
        for (OrderRecord past : history) {
            past.items().forEach(item -> excluded.add(item.productId()));
            excluded.addAll(past.returnedProducts());
        }
        if (profile != null) {
            profile.engagement().reviews().forEach((productId, review) -> {
                if (review.rating() <= rules.negativeRatingAtMost()) {
                    excluded.add(productId);
                }
            });
        }
        return excluded;
    }
}
