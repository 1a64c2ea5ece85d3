package dev.aftercart.functions.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.engine.OrderNotYetKnownException;
import dev.aftercart.core.event.InvalidEventException;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Lambda entry for carrier updates, over the real engine with in-memory ports. */
class ShipmentEventsHandlerTest {

    private final EngineHarness harness = EngineHarness.create();
    private final AtomicInteger primed = new AtomicInteger();
    private final ShipmentEventsHandler handler = new ShipmentEventsHandler(
            harness.aftercart.intake(ShipmentEventsHandler.DETAIL_TYPES), primed::incrementAndGet);

    @Test
    void handleRequest_recordsTheUpdate_andSendsTheShippedEmail() throws IOException {
        harness.accept(Fixtures.event("order-placed.json"));

        Map<String, Object> outcome = invoke(Json.write(shipment("in_transit")));

        assertThat(outcome).containsEntry("detailType", "Shipment Updated").containsEntry("state", "recorded");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) outcome.get("messages");
        assertThat(messages).extracting(m -> m.get("journey") + ":" + m.get("channel") + ":" + m.get("outcome"))
                .containsExactly("shipping-updates:email:sent");
    }

    @Test
    void handleRequest_forAnOrderNotRecordedYet_throwsSoLambdaRetries() {
        assertThatThrownBy(() -> invoke(Json.write(shipment("in_transit"))))
                .isInstanceOf(OrderNotYetKnownException.class)
                .hasMessageContaining("o-1001");
    }

    @Test
    void handleRequest_rejectsAnOrderEvent_whichItsRuleDoesNotRouteHere() {
        assertThatThrownBy(() -> invoke(Json.write(Fixtures.event("order-placed.json"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail-type: must be one of Shipment Updated");
    }

    @Test
    void beforeCheckpoint_runsThePrimingOnce() {
        handler.beforeCheckpoint(null);

        assertThat(primed).hasValue(1);
    }

    private static Map<String, Object> shipment(String status) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("shipmentId", "s-1");
        detail.put("orderId", "o-1001");
        detail.put("customerId", "c-1001");
        detail.put("status", status);
        detail.put("carrier", "UPS");
        detail.put("trackingUrl", "https://track.example/1Z999");
        detail.put("occurredAt", "2026-11-20T10:00:04Z");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("version", "0");
        envelope.put("id", "e-shipment-" + status);
        envelope.put("detail-type", "Shipment Updated");
        envelope.put("source", "shop.shipments");
        envelope.put("time", "2026-11-20T10:00:04Z");
        envelope.put("detail", detail);
        return envelope;
    }

    private Map<String, Object> invoke(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }
}
