package dev.aftercart.functions.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.event.InvalidEventException;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What EventBridge Scheduler invokes: it re-checks and sends the one message named in its input. */
class MessageDispatchHandlerTest {

    private final EngineHarness harness = EngineHarness.create();
    private final AtomicInteger primed = new AtomicInteger();
    private final MessageDispatchHandler handler = new MessageDispatchHandler(harness.dispatcher, primed::incrementAndGet);

    @Test
    void handleRequest_sendsTheScheduledMessage_andRecordsItSent() throws IOException {
        harness.accept(Fixtures.event("order-placed.json"));
        LedgerEntry sent = harness.entry("c-1001", Channel.EMAIL);
        LedgerEntry scheduled = LedgerEntry.planned(sent.customerId(), "scheduled0message0id00000", sent.journeyId(),
                sent.stepId(), Channel.EMAIL, MessageKind.TRANSACTIONAL, sent.subject(), harness.clock.instant(),
                harness.clock.instant());
        harness.ledger.insert(scheduled.scheduled("ac-scheduled", harness.clock.instant(), harness.clock.instant()));

        Map<String, Object> outcome = invoke(Json.write(Map.of("customerId", sent.customerId(),
                "messageId", scheduled.messageId())));

        assertThat(outcome).containsEntry("outcome", "sent");
        assertThat(harness.ledger.find(sent.customerId(), scheduled.messageId()).orElseThrow().status())
                .isEqualTo(MessageStatus.SENT);
        assertThat(harness.email.count()).isEqualTo(2);
    }

    @Test
    void handleRequest_twiceForTheSameMessage_sendsItOnce() throws IOException {
        harness.accept(Fixtures.event("order-placed.json"));
        LedgerEntry sent = harness.entry("c-1001", Channel.EMAIL);
        String input = Json.write(Map.of("customerId", sent.customerId(), "messageId", sent.messageId()));

        Map<String, Object> outcome = invoke(input);

        assertThat(outcome).containsEntry("outcome", "unchanged:sent");
        assertThat(harness.email.count()).isEqualTo(1);
    }

    @Test
    void handleRequest_forAMessageTheLedgerDoesNotHold_reportsItMissing() throws IOException {
        Map<String, Object> outcome = invoke("{\"customerId\":\"cus_none\",\"messageId\":\"nothing\"}");

        assertThat(outcome).containsEntry("outcome", "missing");
        assertThat(harness.email.count()).isZero();
    }

    @Test
    void handleRequest_rejectsInputWithoutIds_namingEachField() {
        assertThatThrownBy(() -> invoke("{\"customerId\":\"\"}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("customerId: is required")
                .hasMessageContaining("messageId: is required");
    }

    @Test
    void beforeCheckpoint_runsThePrimingOnce() {
        handler.beforeCheckpoint(null);

        assertThat(primed).hasValue(1);
    }

    private Map<String, Object> invoke(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }
}
