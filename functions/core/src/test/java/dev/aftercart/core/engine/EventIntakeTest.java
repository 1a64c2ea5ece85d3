package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.event.InvalidEventException;
import dev.aftercart.core.event.Violation;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.testing.CapturedLog;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventIntakeTest {

    private final EngineHarness harness = EngineHarness.create();

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void accept_readsAnEnvelopeFromTheLambdaStream() throws Exception {
        EventOutcome outcome = harness.intake.accept(bytes(Json.write(Fixtures.event("order-placed.json"))));

        assertThat(outcome.eventId()).isEqualTo("2f8e6c1a-0b7d-4c52-9a1e-7d3f5b2c9e01");
        assertThat(harness.email.count()).isEqualTo(1);
    }

    @Test
    void accept_rejectsTextThatIsNotAJsonObject_asAViolationOfTheWholeEvent() {
        assertThatThrownBy(() -> harness.intake.accept(bytes("{\"id\": ")))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("$"));
    }

    @Test
    void rejectedEvent_isLoggedByIdAndViolations_only() {
        try (CapturedLog log = CapturedLog.start()) {
            var json = Fixtures.set(Fixtures.event("order-placed.json"), "detail.customer.phone", "call 4155550123");

            assertThatThrownBy(() -> harness.accept(json)).isInstanceOf(InvalidEventException.class);

            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(Json.parseObject(line))
                    .containsEntry("event", "event_rejected")
                    .containsEntry("eventId", "2f8e6c1a-0b7d-4c52-9a1e-7d3f5b2c9e01")
                    // Even the rule's example number is redacted: anything phone-shaped stays out of logs.
                    .containsEntry("violations", java.util.List.of(
                            "detail.customer.phone: must be an E.164 phone number such as \"[redacted]\"")));
        }
    }
}
