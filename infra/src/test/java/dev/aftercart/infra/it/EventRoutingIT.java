package dev.aftercart.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * The template's rules on a real (emulated) EventBridge bus: what a store publishes reaches the
 * function the template routes it to, and nothing else. Each rule targets a queue of its own, which
 * stands in for the rule's function.
 */
@ExtendWith(EmulatorExtension.class)
class EventRoutingIT {

    /** EventBridge delivers in well under a second; this bounds a broken delivery. */
    static final Duration DELIVERY = Duration.ofSeconds(30);
    /** How long to keep looking for an event that must not arrive, once an event that must has. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private final EmulatorStack stack;
    private EmulatorStack.Bus bus;

    EventRoutingIT(EmulatorStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void createBusAndRules() {
        bus = stack.bus().require();
    }

    @Test
    void orderPlaced_reachesTheQueueOfTheTemplatesOrderEventsRule_only() {
        // Given the published Order Placed sample, unique to this run
        TestOrder order = stack.nextOrder();

        // When the store puts it on the bus
        putEvents(order);

        // Then the OrderEvents rule delivers it, as EventBridge's envelope with the detail intact
        TestQueue orderEvents = bus.queueByRule().get("OrderEvents");
        assertThat(orderEvents).as("template.yaml's OrderEvents rule").isNotNull();
        Optional<String> delivered = orderEvents.await(body -> aboutOrder(body, order.orderId()), DELIVERY, new ArrayList<>());
        assertThat(delivered).as("the Order Placed event on the OrderEvents queue within %s", DELIVERY).isPresent();
        Map<String, Object> event = Json.parseObject(delivered.get());
        assertThat(event).containsEntry("source", "shop.orders").containsEntry("detail-type", "Order Placed");
        assertThat(event.get("detail")).isEqualTo(order.json().get("detail"));

        // And no other rule takes it
        Map<String, TestQueue> others = new LinkedHashMap<>(bus.queueByRule());
        others.remove("OrderEvents");
        assertThat(others).isNotEmpty();
        assertThat(arrivals(others, order.orderId())).as("rules other than OrderEvents that matched it").isEmpty();
    }

    @Test
    void eventFromAnotherSource_reachesNoQueue() {
        // Given the same event from a source the template does not name, and the real one after it
        TestOrder order = stack.nextOrder();
        TestOrder foreign = order.fromSource("someone.else");

        // When both are put on the bus, the foreign one first
        putEvents(foreign);
        putEvents(order);

        // Then the real one arrives, which shows delivery works and when it has happened ...
        Optional<String> delivered = bus.queueByRule().get("OrderEvents")
                .await(body -> aboutOrder(body, order.orderId()), DELIVERY, new ArrayList<>());
        assertThat(delivered).as("the control event on the OrderEvents queue within %s", DELIVERY).isPresent();

        // ... and the foreign one reached no rule's queue
        assertThat(arrivals(bus.queueByRule(), foreign.orderId())).as("rules that matched source someone.else").isEmpty();
    }

    private void putEvents(TestOrder order) {
        Map<String, Object> envelope = order.json();
        PutEventsResponse response = stack.events().putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                .eventBusName(bus.name())
                .source((String) envelope.get("source"))
                .detailType((String) envelope.get("detail-type"))
                .time(Instant.parse((String) envelope.get("time")))
                .detail(Json.write(envelope.get("detail")))
                .build()));
        assertThat(response.failedEntryCount()).as("PutEvents failed entries: %s", response.entries()).isZero();
    }

    /** The rules whose queues received an event about the order within {@link #SETTLE}. */
    private static List<String> arrivals(Map<String, TestQueue> queues, String orderId) {
        List<String> matched = new ArrayList<>();
        Instant until = Instant.now().plus(SETTLE);
        do {
            queues.forEach((rule, queue) -> {
                if (queue.receive(0).stream().anyMatch(body -> aboutOrder(body, orderId)) && !matched.contains(rule)) {
                    matched.add(rule);
                }
            });
            OrderJourneyIT.pause(Duration.ofMillis(500));
        } while (Instant.now().isBefore(until));
        return matched;
    }

    @SuppressWarnings("unchecked")
    private static boolean aboutOrder(String body, String orderId) {
        try {
            Object detail = Json.parseObject(body).get("detail");
            return detail instanceof Map<?, ?> map && orderId.equals(((Map<String, Object>) map).get("orderId"));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
