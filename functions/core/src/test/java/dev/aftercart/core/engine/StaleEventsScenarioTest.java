package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event older than the state already kept (a review, return status, loyalty standing or
 * subscription report that was overtaken) is recorded as stale: it changes nothing, plans nothing,
 * withdraws nothing and sends nothing.
 */
class StaleEventsScenarioTest {

    private static final String CUSTOMER = "c-5001";

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    /** Everything a stale event must leave as it was. */
    private record Everything(CustomerProfile profile, OrderRecord order, List<LedgerEntry> ledger, int schedules,
            int cancellations, int emails, int texts, int events) {
    }

    private Everything everything() {
        return new Everything(harness.customers.profile(CUSTOMER).orElse(null),
                harness.customers.order(CUSTOMER, "o-5001").orElse(null), harness.ledger.forCustomer(CUSTOMER),
                harness.scheduler.scheduled().size(), harness.scheduler.cancelled().size(), harness.email.count(),
                harness.sms.count(), harness.events.published().size());
    }

    /** Hands over an event that was overtaken: the clock is already past it. */
    private void assertStale(Map<String, Object> overtaken) {
        Everything before = everything();

        EventOutcome outcome = harness.accept(overtaken);

        assertThat(outcome.state()).isEqualTo(RecordState.STALE);
        assertThat(outcome.messages()).isEmpty();
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void reviewOlderThanTheOneKept_changesAndSendsNothing() {
        // given: the socks were re-rated four stars on 27 November
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(set(at(event("issue4-review-1-star.json"), "2026-11-27T16:00:00Z"), "detail.rating",
                BigDecimal.valueOf(4)));

        // then: the one-star review of the 26th, arriving late, neither apologises nor tells the help desk
        assertStale(event("issue4-review-1-star.json"));
        assertThat(harness.events.published()).isEmpty();
    }

    @Test
    void returnStatusOlderThanTheOneKept_changesAndSendsNothing() {
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("issue4-return-refunded.json"));

        assertStale(set(at(event("issue4-return-requested.json"), "2026-11-26T15:00:00Z"), "detail.status", "approved"));
    }

    @Test
    void loyaltyStandingOlderThanTheOneKept_changesAndSendsNothing() {
        // given: on 20 December the points expiring in January were spent
        harness.arrive(set(event("policy-order-placed.json"), "detail.customer.consent.smsMarketing", true));
        harness.arrive(event("issue4-loyalty-points-spent.json"));

        // then: the report from when they joined, arriving late, plans no reminders for spent points
        assertStale(event("issue4-loyalty-joined.json"));
    }

    @Test
    void subscriptionReportOlderThanTheOneKept_changesAndSendsNothing() {
        // given: paused on 28 November
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(set(at(event("issue4-subscription-active.json"), "2026-11-28T15:00:00Z"), "detail.status",
                "paused"));

        // then: the "active" report of the 25th, arriving late, plans no renewal reminder
        assertStale(event("issue4-subscription-active.json"));
    }
}
