package dev.aftercart.functions.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.event.InvalidEventException;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Lambda entry over the real engine with in-memory ports: it parses, hands over, and reports. */
class OrderEventsHandlerTest {

    private final EngineHarness harness = EngineHarness.create();
    private final AtomicInteger primed = new AtomicInteger();
    private final OrderEventsHandler handler = new OrderEventsHandler(
            harness.aftercart.intake(OrderEventsHandler.DETAIL_TYPES), primed::incrementAndGet);

    @Test
    void handleRequest_recordsTheOrder_sendsTheConfirmation_andReturnsTheOutcome() throws IOException {
        Map<String, Object> outcome = invoke(Json.write(Fixtures.event("order-placed.json")));

        assertThat(outcome).containsEntry("detailType", "Order Placed").containsEntry("state", "recorded");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) outcome.get("messages");
        assertThat(messages).extracting(m -> m.get("channel") + ":" + m.get("outcome"))
                .containsExactlyInAnyOrder("email:sent", "sms:sent");
        assertThat(harness.email.count()).isEqualTo(1);
        assertThat(harness.sms.count()).isEqualTo(1);
    }

    @Test
    void handleRequest_rejectsADetailTypeItsRulesDoNotRouteHere() {
        Map<String, Object> event = Fixtures.set(Fixtures.event("order-placed.json"), "detail-type", "Shipment Updated");

        assertThatThrownBy(() -> invoke(Json.write(event)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail-type: must be one of");
        assertThat(harness.ledger.all()).isEmpty();
    }

    @Test
    void handleRequest_rejectsTextThatIsNotJson_withTheReason() {
        assertThatThrownBy(() -> invoke("{\"id\": "))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$: must be a JSON object");
    }

    @Test
    void beforeCheckpoint_runsThePrimingOnce() {
        handler.beforeCheckpoint(null);

        assertThat(primed).hasValue(1);
    }

    @Test
    void priming_rendersWithoutWritingStateOrSending() {
        harness.aftercart.prime();

        assertThat(harness.email.count()).isZero();
        assertThat(harness.sms.count()).isZero();
        assertThat(harness.ledger.all()).isEmpty();
        assertThat(harness.customers.orders("priming-customer")).isEmpty();
        assertThat(harness.customers.profile("priming-customer")).isEmpty();
    }

    private Map<String, Object> invoke(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }
}
