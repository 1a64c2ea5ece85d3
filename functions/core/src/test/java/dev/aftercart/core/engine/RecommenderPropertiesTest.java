package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CoPurchase;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.customer.ReturnRecord;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ReturnStatus;
import dev.aftercart.core.policy.SendRules;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Recommendations on a generated shop: a catalog of products in a few categories (some inactive),
 * and the order history of many customers, with returns and reviews, recorded as the engine records
 * it. For every customer's latest order, the picks must never hold what that customer bought,
 * returned or rated 2 or lower, nor what the message is about, nor an inactive product; must stay
 * within the limit; must rank co-purchases first, by how often they were bought together; and must
 * not depend on the order in which the history was recorded.
 */
class RecommenderPropertiesTest {

    private static final int PRODUCTS = 16;
    private static final int CATEGORIES = 4;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** One customer's history: orders of product ids (oldest first), products sent back, ratings given. */
    record History(String customerId, List<List<String>> orders, Set<String> returned, Map<String, Integer> ratings) {
    }

    /** The generated shop; {@code about} is, per customer, what a message about their latest order is about. */
    record Shop(Map<String, Boolean> active, List<History> customers, Map<String, List<String>> about) {
    }

    private static String productId(int i) {
        return String.format("p-%02d", i);
    }

    private static String category(String productId) {
        return "cat-" + Integer.parseInt(productId.substring(2)) % CATEGORIES;
    }

    /** A shop of 20 to 40 customers with 1 to 3 orders of 1 to 4 products each, from {@code seed}. */
    static Shop shop(long seed) {
        Random random = new Random(seed);
        Map<String, Boolean> active = new LinkedHashMap<>();
        for (int i = 0; i < PRODUCTS; i++) {
            active.put(productId(i), random.nextInt(5) != 0);
        }
        List<History> customers = new ArrayList<>();
        Map<String, List<String>> about = new HashMap<>();
        int count = 20 + random.nextInt(21);
        for (int c = 0; c < count; c++) {
            String customerId = "c-" + c;
            List<List<String>> orders = new ArrayList<>();
            Set<String> returned = new HashSet<>();
            for (int o = random.nextInt(3); o >= 0; o--) {
                List<String> products = new ArrayList<>();
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    String p = productId(random.nextInt(PRODUCTS));
                    if (!products.contains(p)) {
                        products.add(p);
                    }
                }
                if (random.nextInt(5) == 0) {
                    returned.add(products.get(random.nextInt(products.size())));
                }
                orders.add(products);
            }
            Map<String, Integer> ratings = new HashMap<>();
            for (int r = random.nextInt(3); r > 0; r--) {
                ratings.put(productId(random.nextInt(PRODUCTS)), 1 + random.nextInt(5));
            }
            List<String> messageAbout = new ArrayList<>();
            if (random.nextBoolean()) {
                messageAbout.add(productId(random.nextInt(PRODUCTS)));
            }
            customers.add(new History(customerId, orders, returned, ratings));
            about.put(customerId, messageAbout);
        }
        return new Shop(active, customers, about);
    }

    /** The shop's stores, filled as the recorder fills them; {@code reversed} records the customers last first. */
    record World(InMemoryCustomerStore customers, InMemoryCatalog catalog) {

        static World of(Shop shop, boolean reversed) {
            World world = new World(new InMemoryCustomerStore(), new InMemoryCatalog());
            List<String> products = new ArrayList<>(shop.active().keySet());
            if (reversed) {
                Collections.reverse(products);
            }
            for (String p : products) {
                world.catalog.saveProduct(new Product(p, "Name of " + p, category(p), null, null,
                        Money.of("10.00", "USD"), null, null, shop.active().get(p), START));
            }
            List<History> customers = new ArrayList<>(shop.customers());
            if (reversed) {
                Collections.reverse(customers);
            }
            for (History history : customers) {
                world.customers.saveProfile(profile(history), 0);
                for (int o = 0; o < history.orders().size(); o++) {
                    OrderRecord order = order(history, o);
                    world.customers.saveOrder(order, 0);
                    world.catalog.recordPurchase(order.items(), order.placedAt());
                }
            }
            return world;
        }

        List<Product> picks(Shop shop, History history, int limit) {
            Recommender recommender = new Recommender(customers, catalog, SendRules.DEFAULTS);
            return recommender.forOrder(latestOrder(history), customers.profile(history.customerId()).orElseThrow(),
                    shop.about().get(history.customerId()), limit);
        }

        OrderRecord latestOrder(History history) {
            return customers.order(history.customerId(), "o-" + (history.orders().size() - 1)).orElseThrow();
        }
    }

    private static CustomerProfile profile(History history) {
        Map<String, Engagement.ProductReview> reviews = new HashMap<>();
        history.ratings().forEach((p, rating) -> reviews.put(p, new Engagement.ProductReview(rating, START)));
        return Fixtures.profile(history.customerId()).engagement(new Engagement(List.of(), reviews)).build();
    }

    /** Order {@code index} of the customer, with an approved return of what they sent back from it. */
    private static OrderRecord order(History history, int index) {
        List<String> products = history.orders().get(index);
        List<LineItem> lines = products.stream().map(p -> new LineItem(p, null, "Name of " + p, category(p), 1,
                Money.of("10.00", "USD"), null, null, null)).toList();
        OrderRecord order = Fixtures.order(history.customerId(), "o-" + index, lines.get(0),
                lines.subList(1, lines.size()).toArray(LineItem[]::new));
        List<ReturnItem> returned = products.stream().filter(history.returned()::contains)
                .map(p -> new ReturnItem(p, 1, null)).toList();
        Instant placed = START.plus(Duration.ofDays(index));
        OrderRecord dated = new OrderRecord(order.customerId(), order.orderId(), null, placed, order.items(),
                order.subtotal(), null, null, null, order.total(), order.status(), null, null, null, placed, 1);
        return returned.isEmpty() ? dated
                : dated.withReturn(new ReturnRecord("r-" + index, ReturnStatus.APPROVED, placed, returned, null));
    }

    /** What this customer must never be offered: bought or returned, rated 2 or lower, or what the message is about. */
    private static Set<String> excluded(Shop shop, History history) {
        Set<String> excluded = new HashSet<>(shop.about().get(history.customerId()));
        history.orders().forEach(excluded::addAll);
        excluded.addAll(history.returned());
        history.ratings().forEach((p, rating) -> {
            if (rating <= 2) {
                excluded.add(p);
            }
        });
        return excluded;
    }

    private static List<String> ids(List<Product> products) {
        return products.stream().map(Product::productId).toList();
    }

    @Property(tries = 60)
    void picks_neverHoldAnExcludedOrInactiveProduct_areDistinct_andStayWithinTheLimit(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 6) int limit) {
        Shop shop = shop(seed);
        World world = World.of(shop, false);

        for (History history : shop.customers()) {
            List<Product> picks = world.picks(shop, history, limit);

            assertThat(picks).as(history.customerId()).hasSizeLessThanOrEqualTo(limit);
            assertThat(ids(picks)).as(history.customerId()).doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(excluded(shop, history));
            assertThat(picks).as(history.customerId()).allMatch(p -> shop.active().get(p.productId()));
        }
    }

    @Property(tries = 60)
    void picks_rankCoPurchasesFirst_mostOftenBoughtTogetherFirst_thenByProductId(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int limit) {
        Shop shop = shop(seed);
        World world = World.of(shop, false);

        for (History history : shop.customers()) {
            Map<String, Long> scores = coPurchaseScores(world, world.latestOrder(history));
            List<String> picks = ids(world.picks(shop, history, limit));

            // every pick bought together with the order comes before any best seller that was not
            List<Long> pickScores = picks.stream().map(p -> scores.getOrDefault(p, 0L)).toList();
            for (int i = 1; i < picks.size(); i++) {
                long before = pickScores.get(i - 1);
                long after = pickScores.get(i);
                assertThat(before > after || before == after && (after == 0 || picks.get(i - 1).compareTo(picks.get(i)) < 0))
                        .as("%s: %s (scores %s)", history.customerId(), picks, pickScores).isTrue();
            }
        }
    }

    @Property(tries = 40)
    void picks_doNotDependOnTheOrderTheHistoryWasRecordedIn(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int limit) {
        Shop shop = shop(seed);
        World forwards = World.of(shop, false);
        World backwards = World.of(shop, true);

        for (History history : shop.customers()) {
            List<String> first = ids(forwards.picks(shop, history, limit));

            assertThat(ids(forwards.picks(shop, history, limit))).as("asked again").isEqualTo(first);
            assertThat(ids(backwards.picks(shop, history, limit))).as("recorded the other way round").isEqualTo(first);
        }
    }

    /** How often each product was bought together with the order's products, as the catalog counts it. */
    private static Map<String, Long> coPurchaseScores(World world, OrderRecord order) {
        Map<String, Long> scores = new HashMap<>();
        order.items().stream().map(LineItem::productId).distinct().forEach(seed -> {
            for (CoPurchase co : world.catalog().boughtWith(seed, Integer.MAX_VALUE)) {
                scores.merge(co.productId(), co.count(), Long::sum);
            }
        });
        return scores;
    }
}
