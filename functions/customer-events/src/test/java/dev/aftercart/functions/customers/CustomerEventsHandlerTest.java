package dev.aftercart.functions.customers;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Lambda entry for what customers do, over the real engine with in-memory ports. */
class CustomerEventsHandlerTest {

    private final EngineHarness harness = EngineHarness.create();
    private final AtomicInteger primed = new AtomicInteger();
    private final CustomerEventsHandler handler = new CustomerEventsHandler(
            harness.aftercart.intake(CustomerEventsHandler.DETAIL_TYPES), primed::incrementAndGet);

    @Test
    void handleRequest_oneStarReview_sendsTheApology_andPublishesTheHelpDeskEvent() throws IOException {
        harness.accept(Fixtures.event("order-placed.json"));

        Map<String, Object> outcome = invoke(Json.write(review(1)));

        assertThat(outcome).containsEntry("detailType", "Review Submitted").containsEntry("state", "recorded");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) outcome.get("messages");
        assertThat(messages).extracting(m -> m.get("journey") + ":" + m.get("channel") + ":" + m.get("outcome"))
                .contains("review-recovery:email:sent", "review-recovery:event:sent");
        assertThat(harness.events.published()).singleElement()
                .satisfies(e -> assertThat(e.detailType()).isEqualTo("Service Recovery Requested"));
    }

    @Test
    void handleRequest_rejectsAnOrderEvent_whichItsRulesDoNotRouteHere() {
        assertThatThrownBy(() -> invoke(Json.write(Fixtures.event("order-placed.json"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail-type: must be one of");
    }

    @Test
    void beforeCheckpoint_runsThePrimingOnce() {
        handler.beforeCheckpoint(null);

        assertThat(primed).hasValue(1);
    }

    private static Map<String, Object> review(int rating) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reviewId", "rv-1");
        detail.put("customerId", "c-1001");
        detail.put("orderId", "o-1001");
        detail.put("productId", "p-100");
        detail.put("rating", rating);
        detail.put("occurredAt", "2026-11-20T10:00:04Z");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("version", "0");
        envelope.put("id", "e-review-" + rating);
        envelope.put("detail-type", "Review Submitted");
        envelope.put("source", "shop.reviews");
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
