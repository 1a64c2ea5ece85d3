package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A return told as it moves through the store's portal: each status by email and SMS, at once, as
 * transactional messages. The customer (New York, no marketing SMS) sends back the water bottle of
 * an order placed on 20 November.
 */
class ReturnJourneyScenarioTest {

    private static final String CUSTOMER = "c-5001";

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    /** Return ret-5001 of the bottle reporting {@code status} at {@code occurredAt}; a refund carries its amount. */
    private static Map<String, Object> returnUpdate(String status, String occurredAt) {
        String fixture = status.equals("refunded") ? "issue4-return-refunded.json" : "issue4-return-requested.json";
        return set(at(event(fixture), occurredAt), "detail.status", status);
    }

    private List<String> smsBodies() {
        return harness.sms.messages().stream().map(SmsMessage::body).toList();
    }

    private List<String> emailTexts() {
        return harness.email.messages().stream().map(m -> m.text().strip()).toList();
    }

    @Test
    void everyStatus_isToldOnceByEmailAndSms_theRefundWithItsAmount() {
        // given
        harness.arrive(event("policy-order-placed.json"));

        // when: every status, each at 10:00 in New York
        String[][] statuses = {{"requested", "2026-11-25T15:00:00Z"}, {"approved", "2026-11-26T15:00:00Z"},
                {"received", "2026-11-28T15:00:00Z"}, {"refunded", "2026-11-30T15:00:00Z"},
                {"exchange_shipped", "2026-12-01T15:00:00Z"}};
        for (String[] status : statuses) {
            EventOutcome outcome = harness.arrive(returnUpdate(status[0], status[1]));
            assertThat(outcome.messages()).as(status[0]).extracting(PlannedMessage::describe).containsExactly("sent", "sent");
        }

        // then
        List<String> told = List.of("return requested:Water Bottle x1;", "return approved:Water Bottle x1;",
                "return received:Water Bottle x1;", "return refunded:Water Bottle x1; refund $18.00",
                "return exchange_shipped:Water Bottle x1; refund $18.00");
        assertThat(emailTexts()).containsSubsequence(told);
        assertThat(smsBodies()).containsSubsequence(told);
        assertThat(harness.ledger.forCustomer(CUSTOMER)).filteredOn(e -> e.journeyId().equals("return-updates"))
                .hasSize(10).allMatch(e -> e.kind() == MessageKind.TRANSACTIONAL);
    }

    @Test
    void rejection_isToldToo() {
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(returnUpdate("requested", "2026-11-25T15:00:00Z"));

        harness.arrive(returnUpdate("rejected", "2026-11-26T15:00:00Z"));

        assertThat(smsBodies()).contains("return rejected:Water Bottle x1;");
        assertThat(emailTexts()).contains("return rejected:Water Bottle x1;");
    }

    @Test
    void sameStatusAgain_isNotToldAgain() {
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(returnUpdate("approved", "2026-11-26T15:00:00Z"));
        int emails = harness.email.count();

        EventOutcome again = harness.arrive(returnUpdate("approved", "2026-11-26T15:00:00Z"));

        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(again.messages()).extracting(PlannedMessage::describe).containsOnly("unchanged:sent");
        assertThat(harness.email.count()).isEqualTo(emails);
    }

    @Test
    void updateLateAtNight_emailsAtOnce_andHoldsTheSmsUntilEight() {
        // given
        harness.arrive(event("policy-order-placed.json"));

        // when: approved at 22:00 in New York
        EventOutcome outcome = harness.arrive(returnUpdate("approved", "2026-11-27T03:00:00Z"));

        // then
        assertThat(outcome.messages()).extracting(m -> m.channel().id() + " " + m.describe())
                .containsExactly("email sent", "sms held:sms_quiet_hours");
        LedgerEntry sms = harness.ledger.forCustomer(CUSTOMER).stream()
                .filter(e -> e.journeyId().equals("return-updates") && e.channel() == Channel.SMS).findFirst().orElseThrow();
        assertThat(sms.dueAt()).isEqualTo(Instant.parse("2026-11-27T13:00:00Z"));
        harness.runUntil(Instant.parse("2026-11-27T14:00:00Z"));
        assertThat(smsBodies()).contains("return approved:Water Bottle x1;");
    }

    @Test
    void returnedProduct_isLeftOutOfTheOrdersTips() {
        // given
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-delivered.json"));

        // when: the bottle's return is approved before the tips are due
        harness.arrive(returnUpdate("approved", "2026-11-24T15:00:00Z"));
        harness.runUntil(Instant.parse("2026-11-26T00:00:00Z"));

        // then
        assertThat(emailTexts()).contains("tips:Trail Running Shoe;Merino Socks;");
    }

    @Test
    void returnOfAnOrderNotYetRecorded_isRefusedForARetry_andSendsNothing() {
        assertThatThrownBy(() -> harness.arrive(returnUpdate("requested", "2026-11-25T15:00:00Z")))
                .isInstanceOf(OrderNotYetKnownException.class);

        assertThat(harness.ledger.forCustomer(CUSTOMER)).isEmpty();
        assertThat(harness.email.count()).isZero();
        assertThat(harness.sms.count()).isZero();
    }
}
