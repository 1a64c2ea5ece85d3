package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final Recommender recommender = new Recommender(customers, catalog);

    private final OrderRecord order = Fixtures.order("c-1", "o-2", item("p-shoe", "Trail Shoe", 1, "79.00", "USD"),
            item("p-sock", "Merino Socks", 2, "12.50", "USD"));

    private void product(String id, String name, boolean active) {
        catalog.saveProduct(new Product(id, name, null, "https://shop.example/p/" + id, null, Money.of("10.00", "USD"),
                null, null, active, Instant.parse("2026-11-01T00:00:00Z")));
    }

    @BeforeEach
    void catalogOfProducts() {
        for (String id : new String[] {"p-shoe", "p-sock", "p-gaiter", "p-lace", "p-bottle", "p-cap", "p-old"}) {
            product(id, "Name of " + id, true);
        }
        assertThat(customers.saveOrder(order, 0)).isTrue();
    }

    @Test
    void forOrder_ranksByCoPurchaseCount_summedOverTheOrdersProducts() {
        // given
        catalog.boughtTogether("p-shoe", "p-lace", 5)
                .boughtTogether("p-shoe", "p-gaiter", 4)
                .boughtTogether("p-sock", "p-gaiter", 3)
                .boughtTogether("p-sock", "p-bottle", 1);

        // when
        var recommended = recommender.forOrder(order, 3);

        // then: gaiter 4 + 3 = 7, lace 5, bottle 1
        assertThat(recommended).extracting(Product::productId).containsExactly("p-gaiter", "p-lace", "p-bottle");
    }

    @Test
    void forOrder_neverRecommendsAProductOfThisOrder() {
        // given: socks are by far what is bought with shoes
        catalog.boughtTogether("p-shoe", "p-sock", 100).boughtTogether("p-shoe", "p-cap", 1);

        // when
        var recommended = recommender.forOrder(order, 3);

        // then
        assertThat(recommended).extracting(Product::productId).containsExactly("p-cap");
    }

    @Test
    void forOrder_neverRecommendsWhatTheCustomerBoughtBefore() {
        // given
        customers.saveOrder(Fixtures.order("c-1", "o-1", item("p-old", "Old Favourite", 1, "5.00", "USD")), 0);
        catalog.boughtTogether("p-shoe", "p-old", 50).boughtTogether("p-shoe", "p-cap", 1);

        // when
        var recommended = recommender.forOrder(order, 3);

        // then
        assertThat(recommended).extracting(Product::productId).containsExactly("p-cap");
    }

    @Test
    void forOrder_neverRecommendsAnInactiveProduct() {
        // given
        product("p-lace", "Discontinued Laces", false);
        catalog.boughtTogether("p-shoe", "p-lace", 50).boughtTogether("p-shoe", "p-cap", 1);

        // when
        var recommended = recommender.forOrder(order, 3);

        // then
        assertThat(recommended).extracting(Product::productId).containsExactly("p-cap");
    }

    @Test
    void forOrder_skipsProductsTheCatalogDoesNotKnow() {
        catalog.boughtTogether("p-shoe", "p-unknown", 50).boughtTogether("p-shoe", "p-cap", 1);

        assertThat(recommender.forOrder(order, 3)).extracting(Product::productId).containsExactly("p-cap");
    }

    @Test
    void forOrder_breaksTiesByProductId_andStopsAtTheLimit() {
        catalog.boughtTogether("p-shoe", "p-lace", 2).boughtTogether("p-shoe", "p-cap", 2).boughtTogether("p-shoe", "p-bottle", 2);

        assertThat(recommender.forOrder(order, 2)).extracting(Product::productId).containsExactly("p-bottle", "p-cap");
    }

    @Test
    void forOrder_withALimitOfZero_recommendsNothing() {
        catalog.boughtTogether("p-shoe", "p-cap", 2);

        assertThat(recommender.forOrder(order, 0)).isEmpty();
    }
}
