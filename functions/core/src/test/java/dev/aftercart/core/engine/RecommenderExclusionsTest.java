package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What recommendations leave out (returned, rated 2 or lower, what the message is about) and where
 * they come from when co-purchases say too little: the best sellers of the order's categories.
 */
class RecommenderExclusionsTest {

    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final Recommender recommender = new Recommender(customers, catalog);

    private static LineItem line(String productId, String category) {
        return new LineItem(productId, null, "Name of " + productId, category, 1, Money.of("10.00", "USD"), null, null, null);
    }

    private final OrderRecord order = Fixtures.order("c-1", "o-2", line("p-shoe", "shoes"), line("p-sock", "socks"));
    /** The same products without categories, so only co-purchases count. */
    private final OrderRecord uncategorised = Fixtures.order("c-1", "o-3", line("p-shoe", null), line("p-sock", null));

    private void product(String id, String category, boolean active) {
        catalog.saveProduct(new Product(id, "Name of " + id, category, "https://shop.example/p/" + id, null,
                Money.of("10.00", "USD"), null, null, active, AT));
    }

    /** Other customers' orders, each of these products once, so they rank as best sellers in that order. */
    private void sold(String... productIds) {
        for (int times = productIds.length; times > 0; times--) {
            for (int i = 0; i < times; i++) {
                catalog.recordPurchase(List.of(line(productIds[productIds.length - times], null)), AT);
            }
        }
    }

    private static CustomerProfile rated(String productId, int rating) {
        return Fixtures.profile("c-1").engagement(new Engagement(List.of(),
                Map.of(productId, new Engagement.ProductReview(rating, AT)))).build();
    }

    private List<String> recommended(CustomerProfile profile, List<String> about, int limit) {
        return recommended(order, profile, about, limit);
    }

    private List<String> recommended(OrderRecord forOrder, CustomerProfile profile, List<String> about, int limit) {
        return recommender.forOrder(forOrder, profile, about, limit).stream().map(Product::productId).toList();
    }

    @BeforeEach
    void catalogOfProducts() {
        product("p-shoe", "shoes", true);
        product("p-sock", "socks", true);
        for (String id : new String[] {"p-lace", "p-insole", "p-spray", "p-old"}) {
            product(id, "shoes", true);
        }
        product("p-liner", "socks", true);
        product("p-cap", "hats", true);
        assertThat(customers.saveOrder(order, 0)).isTrue();
    }

    // --- exclusions ---

    @Test
    void neverRecommends_aProductTheCustomerReturned() {
        // given: an earlier order whose laces went back
        OrderRecord earlier = Fixtures.order("c-1", "o-1", line("p-lace", "shoes"));
        OrderRecord returned = earlier.withReturn(Fixtures.returnsOf("p-lace").get("r-test"));
        assertThat(customers.saveOrder(returned, 0)).isTrue();
        catalog.boughtTogether("p-shoe", "p-lace", 50).boughtTogether("p-shoe", "p-cap", 1);

        // then
        assertThat(recommended(uncategorised, null, List.of(), 3)).containsExactly("p-cap");
    }

    @Test
    void neverRecommends_aProductTheCustomerRatedTwoOrLower_evenOneTheyNeverBought() {
        catalog.boughtTogether("p-shoe", "p-insole", 50).boughtTogether("p-shoe", "p-cap", 1);

        assertThat(recommended(uncategorised, rated("p-insole", 2), List.of(), 3)).containsExactly("p-cap");
    }

    @Test
    void recommends_aProductTheCustomerRatedThree() {
        catalog.boughtTogether("p-shoe", "p-insole", 50).boughtTogether("p-shoe", "p-cap", 1);

        assertThat(recommended(uncategorised, rated("p-insole", 3), List.of(), 3)).containsExactly("p-insole", "p-cap");
    }

    @Test
    void neverRecommends_theProductsTheMessageIsAbout() {
        // given: a message about the cap, which is not in this order
        catalog.boughtTogether("p-shoe", "p-cap", 50).boughtTogether("p-shoe", "p-spray", 1);

        // then
        assertThat(recommended(uncategorised, null, List.of("p-cap"), 3)).containsExactly("p-spray");
    }

    // --- category best sellers ---

    @Test
    void withoutCoPurchases_fallsBackToTheBestSellersOfTheOrdersCategories() {
        // given: spray outsells laces, and the cap's category is not the order's
        sold("p-spray", "p-lace", "p-cap");

        // then: shoes first (the order's first line), then socks; never the hat
        assertThat(recommended(null, List.of(), 4)).containsExactly("p-spray", "p-lace", "p-insole", "p-old");
        assertThat(recommended(null, List.of(), 10)).contains("p-liner").doesNotContain("p-cap");
    }

    @Test
    void coPurchases_comeFirst_andBestSellersFillTheRest() {
        catalog.boughtTogether("p-sock", "p-cap", 3);
        sold("p-spray");

        assertThat(recommended(null, List.of(), 3)).containsExactly("p-cap", "p-spray", "p-insole");
    }

    @Test
    void discontinuedCoPurchases_doNotCrowdOutTheBestSellers() {
        // given: the three products most bought with the shoe are no longer sold
        for (String id : new String[] {"p-lace", "p-insole", "p-spray"}) {
            product(id, "shoes", false);
            catalog.boughtTogether("p-shoe", id, 50);
        }
        sold("p-old");

        // then: one pick still, from the shoes' best sellers
        assertThat(recommended(null, List.of(), 1)).containsExactly("p-old");
    }

    @Test
    void bestSellers_leaveOutWhatIsBoughtRatedPoorlyInactiveOrAbout() {
        // given
        sold("p-spray", "p-lace", "p-insole", "p-old");
        product("p-old", "shoes", false);

        // when: the spray was rated 1 and the message is about the laces
        List<String> picks = recommended(rated("p-spray", 1), List.of("p-lace"), 10);

        // then: never the shoe or sock bought in this order either
        assertThat(picks).containsExactly("p-insole", "p-liner");
    }

    @Test
    void anOrderWithoutCategories_andNoCoPurchases_getsNoRecommendations() {
        sold("p-spray");

        assertThat(recommender.forOrder(uncategorised, null, List.of(), 3)).isEmpty();
    }
}
