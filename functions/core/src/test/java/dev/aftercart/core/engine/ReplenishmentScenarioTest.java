package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A reminder to buy again when a product runs out: {@code replenishAfterDays} after the order, at
 * 10:00 local, one email per product, with what goes well with it. The customer (New York,
 * marketing email yes) orders a shoe, socks that last 60 days, and a water bottle on 20 November.
 */
class ReplenishmentScenarioTest {

    private static final String CUSTOMER = "c-5001";

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    private List<LedgerEntry> reminders() {
        return harness.entries(CUSTOMER, "replenishment", "reminder");
    }

    /** The replenishment emails this customer received. */
    private List<String> replenishmentTexts() {
        return harness.email.messages().stream().filter(m -> m.to().equals("orla.brightwater@example.com"))
                .map(m -> m.text().strip()).filter(t -> t.startsWith("replenish")).toList();
    }

    /** Order {@code orderId} of the same three products, placed at {@code placedAt}. */
    private static Map<String, Object> order(String orderId, String placedAt) {
        Map<String, Object> order = at(event("policy-order-placed.json"), placedAt);
        set(order, "detail.orderId", orderId);
        return set(order, "detail.placedAt", placedAt);
    }

    @Test
    void order_plansOneMarketingEmailPerProductThatRunsOut_atTenLocalSixtyDaysLater() {
        // given
        harness.arrive(event("issue4-product-socks-replenish-60.json"));

        // when
        harness.arrive(event("policy-order-placed.json"));

        // then: the shoe and bottle have no replenishAfterDays, so only the socks
        assertThat(reminders()).extracting(e -> e.subject().get("productIds"), e -> e.dueAt().toString(), LedgerEntry::kind)
                .containsExactly(tuple("p-520", "2027-01-19T15:00:00Z", MessageKind.MARKETING));
    }

    @Test
    void reminder_suggestsWhatOthersBoughtWithTheProduct_neverTheProductItself() {
        // given: another customer bought the socks with gaiters
        harness.arrive(event("issue4-product-socks-replenish-60.json"));
        Map<String, Object> other = order("o-6001", "2026-11-10T15:00:00Z");
        set(other, "detail.customer.customerId", "c-6001");
        set(other, "detail.customer.email", "wren.halloway@example.com");
        set(other, "detail.items", List.of(
                Map.of("productId", "p-520", "name", "Merino Socks", "category", "socks", "quantity", BigDecimal.ONE,
                        "unitPrice", "12.50"),
                Map.of("productId", "p-900", "name", "Trail Gaiters", "category", "accessories",
                        "quantity", BigDecimal.ONE, "unitPrice", "24.00")));
        harness.arrive(other);

        // when
        harness.arrive(event("policy-order-placed.json"));
        harness.runUntil(Instant.parse("2027-01-20T00:00:00Z"));

        // then
        assertThat(replenishmentTexts()).containsExactly("replenish:Merino Socks; with:Trail Gaiters;");
    }

    @Test
    void productsRunningOutTheSameDay_areRemindedOfADayApart() {
        // given: the shoe lasts 60 days too
        harness.arrive(event("issue4-product-socks-replenish-60.json"));
        harness.arrive(set(set(set(event("issue4-product-socks-replenish-60.json"), "detail.productId", "p-510"),
                "detail.name", "Trail Running Shoe"), "detail.category", "shoes"));

        // when
        harness.arrive(event("policy-order-placed.json"));
        harness.runUntil(Instant.parse("2027-01-21T00:00:00Z"));

        // then: the marketing cooldown would have skipped a second email the same morning
        assertThat(reminders()).extracting(e -> e.subject().get("productIds"), e -> e.dueAt().toString(), LedgerEntry::status)
                .containsExactly(tuple("p-510", "2027-01-19T15:00:00Z", MessageStatus.SENT),
                        tuple("p-520", "2027-01-20T15:00:00Z", MessageStatus.SENT));
    }

    @Test
    void reorderedBeforeItRunsOut_isSkipped_andTheNewOrderIsRemindedOfInstead() {
        // given
        harness.arrive(event("issue4-product-socks-replenish-60.json"));
        harness.arrive(event("policy-order-placed.json"));

        // when: the socks are ordered again on 20 December
        harness.arrive(order("o-5002", "2026-12-20T15:00:00Z"));
        harness.runUntil(Instant.parse("2027-02-20T00:00:00Z"));

        // then
        assertThat(reminders()).extracting(LedgerEntry::orderId, LedgerEntry::status, LedgerEntry::reason,
                e -> e.dueAt().toString()).containsExactly(
                tuple("o-5001", MessageStatus.SKIPPED, "product_reordered", "2027-01-19T15:00:00Z"),
                tuple("o-5002", MessageStatus.SENT, null, "2027-02-18T15:00:00Z"));
        assertThat(replenishmentTexts()).hasSize(1);
    }

    @Test
    void ratedTwoOrLower_isNeverRemindedOf_evenWhenTheNinetyDaySuppressionHasRunOut() {
        // given: socks that last 120 days
        harness.arrive(set(event("issue4-product-socks-replenish-60.json"), "detail.replenishAfterDays",
                BigDecimal.valueOf(120)));
        harness.arrive(event("policy-order-placed.json"));

        // when: a one-star review six days later; the reminder would fall due 114 days after it
        harness.arrive(event("issue4-review-1-star.json"));
        harness.runUntil(Instant.parse("2027-03-25T00:00:00Z"));

        // then
        assertThat(reminders()).extracting(LedgerEntry::status, LedgerEntry::reason)
                .containsExactly(tuple(MessageStatus.CANCELLED, "negative_review"));
        assertThat(replenishmentTexts()).isEmpty();
    }

    @Test
    void returned_isNeverRemindedOf() {
        harness.arrive(event("issue4-product-socks-replenish-60.json"));
        harness.arrive(event("policy-order-placed.json"));

        harness.arrive(set(set(event("issue4-return-refunded.json"), "detail.items[0].productId", "p-520"),
                "detail.refundAmount", "25.00"));
        harness.runUntil(Instant.parse("2027-01-20T00:00:00Z"));

        assertThat(reminders()).extracting(LedgerEntry::status, LedgerEntry::reason)
                .containsExactly(tuple(MessageStatus.CANCELLED, "item_returned"));
        assertThat(replenishmentTexts()).isEmpty();
    }
}
