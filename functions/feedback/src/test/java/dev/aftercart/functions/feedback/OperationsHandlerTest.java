package dev.aftercart.functions.feedback;

import static dev.aftercart.core.testing.Deliveries.EN;
import static dev.aftercart.core.testing.Deliveries.KO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.json.Json;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.port.SendingReputation;
import dev.aftercart.core.testing.Deliveries;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.RecordingScheduler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an operator invokes by hand, over the real engine with in-memory ports. */
class OperationsHandlerTest {

    private static final Instant PAUSED_AT = Instant.parse("2026-11-19T23:15:00Z");

    private final EngineHarness harness = EngineHarness.create();
    private final Deliveries deliveries = new Deliveries(harness);
    private final AtomicInteger primed = new AtomicInteger();
    private final OperationsHandler handler = new OperationsHandler(harness.aftercart, primed::incrementAndGet);

    // --- the reputation guard's pause ---

    @Test
    void status_saysMarketingEmailIsNotPaused() throws IOException {
        Map<String, Object> output = invoke("{\"action\":\"marketing-email-status\"}");

        assertThat(output).isEqualTo(Map.of("action", "marketing-email-status", "marketingEmailPaused", false));
    }

    @Test
    void status_ofAPause_saysWhyAndSinceWhen() throws IOException {
        harness.reputation.pauseMarketingEmail("bounce_rate", PAUSED_AT);

        Map<String, Object> output = invoke("{\"action\":\"marketing-email-status\"}");

        assertThat(output).isEqualTo(Map.of("action", "marketing-email-status", "marketingEmailPaused", true,
                "reason", "bounce_rate", "since", "2026-11-19T23:15:00Z"));
    }

    @Test
    void resume_liftsThePause_andCountsAfresh() throws IOException {
        harness.reputation.record(SendingReputation.Outcome.SENT);
        harness.reputation.record(SendingReputation.Outcome.BOUNCED);
        harness.reputation.pauseMarketingEmail("bounce_rate", PAUSED_AT);

        Map<String, Object> output = invoke("{\"action\":\"resume-marketing-email\"}");

        assertThat(output).isEqualTo(Map.of("action", "resume-marketing-email", "marketingEmailPaused", false));
        assertThat(harness.reputation.marketingEmailPause()).isNull();
        assertThat(harness.reputation.record(SendingReputation.Outcome.SENT))
                .isEqualTo(new SendingReputation.Window(1, 0, 0));
    }

    // --- the right to erasure ---

    @Test
    void eraseCustomer_deletesEveryItem_andCancelsEveryWaitingSchedule_ofThatCustomerOnly() throws IOException {
        deliveries.placeOrderWithMarketingConsent(EN.order());
        deliveries.ship(EN, "delivered", "2026-11-23T11:00:00Z");
        deliveries.placeOrder(KO.order());
        List<LedgerEntry> ledger = harness.ledger.forCustomer(EN.customerId());
        List<String> waiting = ledger.stream()
                .filter(e -> !e.status().isFinal() && e.status() != MessageStatus.SENDING && e.scheduleName() != null)
                .map(LedgerEntry::scheduleName)
                .toList();
        assertThat(waiting).isNotEmpty();
        List<RecordingScheduler.Schedule> otherSchedules = harness.scheduler.pending().stream()
                .filter(s -> !s.customerId().equals(EN.customerId()))
                .toList();

        Map<String, Object> output = invoke("{\"action\":\"erase-customer\",\"customerId\":\"c-1001\"}");

        // The profile, the order and every message of the ledger.
        assertThat(output).isEqualTo(Map.of("action", "erase-customer", "customerId", "c-1001",
                "itemsDeleted", BigDecimal.valueOf(2 + ledger.size())));
        assertThat(harness.scheduler.cancelled()).containsExactlyInAnyOrderElementsOf(waiting);
        assertThat(harness.scheduler.pending()).containsExactlyElementsOf(otherSchedules);
        assertThat(harness.customers.profile(EN.customerId())).isEmpty();
        assertThat(harness.customers.orders(EN.customerId())).isEmpty();
        assertThat(harness.ledger.forCustomer(EN.customerId())).isEmpty();
        assertThat(harness.customers.profile(KO.customerId())).isPresent();
        assertThat(harness.customers.orders(KO.customerId())).hasSize(1);
        assertThat(harness.ledger.forCustomer(KO.customerId())).isNotEmpty();
    }

    @Test
    void eraseCustomer_again_deletesNothing() throws IOException {
        deliveries.placeOrder(EN.order());
        invoke("{\"action\":\"erase-customer\",\"customerId\":\"c-1001\"}");

        Map<String, Object> again = invoke("{\"action\":\"erase-customer\",\"customerId\":\"c-1001\"}");

        assertThat(again).containsEntry("itemsDeleted", BigDecimal.ZERO);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"action\":\"erase-customer\"}", "{\"action\":\"erase-customer\",\"customerId\":\"\"}",
        "{\"action\":\"erase-customer\",\"customerId\":\"  \"}", "{\"action\":\"erase-customer\",\"customerId\":1001}",
        "{\"action\":\"erase-customer\",\"customerId\":null}"})
    void eraseCustomer_withoutACustomerId_throws_namingTheFieldAndRule(String input) {
        deliveries.placeOrder(EN.order());

        assertThatThrownBy(() -> invoke(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customerId: required for erase-customer, a non-empty string");
        assertThat(harness.customers.profile(EN.customerId())).isPresent();
    }

    // --- anything else ---

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{}", "{\"action\":\"pause-marketing-email\"}", "{\"action\":\"ERASE-CUSTOMER\"}",
        "{\"action\":7}", "{\"customerId\":\"c-1001\"}"})
    void unknownOrMissingAction_throws_namingTheFieldAndTheActionsThereAre(String input) {
        assertThatThrownBy(() -> invoke(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("action: must be one of marketing-email-status, resume-marketing-email, erase-customer");
    }

    @Test
    void beforeCheckpoint_runsThePrimingOnce() {
        handler.beforeCheckpoint(null);

        assertThat(primed).hasValue(1);
    }

    private Map<String, Object> invoke(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return new LinkedHashMap<>(Json.parseObject(out.toString(StandardCharsets.UTF_8)));
    }
}
