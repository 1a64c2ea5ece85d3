package dev.aftercart.core.port;

import dev.aftercart.core.customer.CoPurchase;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.LineItem;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Products and what is bought together, for delays, replenishment and recommendations. */
public interface Catalog {

    Optional<Product> product(String productId);

    /** The known products among {@code productIds}; unknown ids are simply absent. */
    Map<String, Product> products(Collection<String> productIds);

    /** Stores the catalog's description unless a newer one is stored; {@code false} when it was stale. */
    boolean saveProduct(Product product);

    /**
     * Counts one order's items as bought together, and describes products the catalog has not
     * (yet) described from the order's lines, so they can be recommended.
     */
    void recordPurchase(List<LineItem> items, Instant at);

    /** The products most often bought with {@code productId}, most frequent first. */
    List<CoPurchase> boughtWith(String productId, int limit);

    /** The category's products that sold best, best first: where co-purchases say nothing yet. */
    List<String> bestSellers(String category, int limit);
}
