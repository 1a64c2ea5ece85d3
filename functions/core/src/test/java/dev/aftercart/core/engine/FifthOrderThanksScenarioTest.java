package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fifth-order thank-you: a journey that is only data ({@code "when": {"orderCount": [5]}}). The
 * customer orders once a day from 20 November, each order at 10:00 in New York.
 */
class FifthOrderThanksScenarioTest {

    private static final String CUSTOMER = "c-5001";

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    /** Order number {@code n}, placed {@code n - 1} days after the first. */
    private static Map<String, Object> order(int n) {
        String placedAt = Instant.parse("2026-11-20T15:00:00Z").plusSeconds(86_400L * (n - 1)).toString();
        Map<String, Object> order = at(event("policy-order-placed.json"), placedAt);
        set(order, "detail.orderId", "o-500" + n);
        set(order, "detail.orderNumber", "#500" + n);
        return set(order, "detail.placedAt", placedAt);
    }

    private List<String> thanks() {
        return harness.email.messages().stream().map(m -> m.text().strip()).filter(t -> t.startsWith("thanks")).toList();
    }

    private List<LedgerEntry> thankYous() {
        return harness.entries(CUSTOMER, "fifth-order-thanks", "thanks");
    }

    @Test
    void fifthOrder_isThankedTwoHoursLater_andNoOtherIs() {
        // when
        for (int n = 1; n <= 6; n++) {
            harness.arrive(order(n));
        }
        harness.runUntil(Instant.parse("2026-12-01T00:00:00Z"));

        // then
        assertThat(thankYous()).extracting(LedgerEntry::orderId, e -> e.dueAt().toString())
                .containsExactly(tuple("o-5005", "2026-11-24T17:00:00Z"));
        assertThat(thanks()).containsExactly("thanks for order #5005");
    }

    @Test
    void fifthOrderDeliveredTwice_isThankedOnce() {
        for (int n = 1; n <= 5; n++) {
            harness.arrive(order(n));
        }

        EventOutcome again = harness.accept(order(5));
        harness.runUntil(Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(thanks()).containsExactly("thanks for order #5005");
    }

    @Test
    void cancelledOrder_doesNotCount_soTheNextOrderIsTheFifth() {
        // given: four orders, the second of them cancelled
        for (int n = 1; n <= 4; n++) {
            harness.arrive(order(n));
        }
        harness.arrive(set(set(at(event("policy-order-cancelled.json"), "2026-11-24T16:00:00Z"), "detail.orderId",
                "o-5002"), "detail.customerId", CUSTOMER));

        // when
        harness.arrive(order(5));
        harness.arrive(order(6));
        harness.runUntil(Instant.parse("2026-12-01T00:00:00Z"));

        // then
        assertThat(thanks()).containsExactly("thanks for order #5006");
    }
}
