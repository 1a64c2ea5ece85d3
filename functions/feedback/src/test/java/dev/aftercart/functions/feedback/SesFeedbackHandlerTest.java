package dev.aftercart.functions.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.json.JsonException;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.port.SendingReputation;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the SES configuration set's EventBridge destination delivers, from the samples under
 * {@code infra/events/ses/}, through the real feedback recorder with in-memory ports. Emma
 * (cus-1001) was sent her order confirmation; every sample is about that message.
 */
class SesFeedbackHandlerTest {

    private static final String CUSTOMER = "cus-1001";
    private static final String ADDRESS = "emma.johnson@example.com";
    private static final String MESSAGE = "q2m4n6p8r2t4v6x8z2b4d6k3v7";
    private static final Instant SENT_AT = Instant.parse("2026-11-16T17:05:01.412Z");

    private final EngineHarness harness = EngineHarness.create();
    private final AtomicInteger primed = new AtomicInteger();

    @BeforeEach
    void emmaWasSentHerConfirmation() {
        harness.customers.saveProfile(Fixtures.profile(CUSTOMER).email(ADDRESS).build(), 0);
        harness.ledger.insert(LedgerEntry.planned(CUSTOMER, MESSAGE, "order-confirmation", "confirm", Channel.EMAIL,
                        MessageKind.TRANSACTIONAL, Map.of("orderId", "o-1001"), SENT_AT, SENT_AT)
                .sent("0100019a8f3c2b1e-5d6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9-000000", null, SENT_AT));
    }

    private SesFeedbackHandler handler(boolean trackEngagement) {
        return new SesFeedbackHandler(harness.aftercart.feedback(trackEngagement), primed::incrementAndGet);
    }

    private Suppression suppression() {
        return harness.customers.profile(CUSTOMER).orElseThrow().suppression();
    }

    private String feedback() {
        return harness.ledger.find(CUSTOMER, MESSAGE).orElseThrow().feedback();
    }

    /** The window as the reputation guard sees it, after one more send counted here. */
    private SendingReputation.Window windowWithOneMoreSend() {
        return harness.reputation.record(SendingReputation.Outcome.SENT);
    }

    @Test
    void permanentBounce_suppressesTheAddress_notesTheLedger_andCountsForReputation() throws IOException {
        Map<String, Object> output = invoke(handler(false), Samples.text("ses/bounce-permanent.json"));

        assertThat(output).isEqualTo(Map.of("recorded", BigDecimal.ONE));
        assertThat(suppression()).isEqualTo(new Suppression(true, false, 0));
        assertThat(feedback()).isEqualTo("bounced_permanently");
        assertThat(windowWithOneMoreSend()).isEqualTo(new SendingReputation.Window(1, 1, 0));
    }

    @Test
    void complaint_suppressesTheAddress_notesTheLedger_andCountsForReputation() throws IOException {
        invoke(handler(false), Samples.text("ses/complaint.json"));

        assertThat(suppression()).isEqualTo(new Suppression(false, true, 0));
        assertThat(feedback()).isEqualTo("complained");
        assertThat(windowWithOneMoreSend()).isEqualTo(new SendingReputation.Window(1, 0, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ses/bounce-transient.json", "ses/bounce-undetermined.json"})
    void bounceThatIsNotPermanent_onlyCountsTowardsSuppression(String sample) throws IOException {
        invoke(handler(false), Samples.text(sample));

        assertThat(suppression()).isEqualTo(new Suppression(false, false, 1));
        assertThat(feedback()).isEqualTo("bounced_transiently");
        assertThat(windowWithOneMoreSend()).isEqualTo(new SendingReputation.Window(1, 0, 0));
    }

    @Test
    void delivery_resetsTheSoftBouncesInARow() throws IOException {
        SesFeedbackHandler handler = handler(false);
        invoke(handler, Samples.text("ses/bounce-transient.json"));
        invoke(handler, Samples.text("ses/bounce-transient.json"));
        assertThat(suppression().softBouncesInARow()).isEqualTo(2);

        invoke(handler, Samples.text("ses/delivery.json"));

        assertThat(suppression()).isEqualTo(Suppression.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ses/delivery.json", "ses/open.json", "ses/click.json"})
    void engagement_isNotWrittenToTheLedger_unlessTracked(String sample) throws IOException {
        Map<String, Object> output = invoke(handler(false), Samples.text(sample));

        assertThat(output).isEqualTo(Map.of("recorded", BigDecimal.ONE));
        assertThat(feedback()).isNull();
        assertThat(suppression()).isEqualTo(Suppression.NONE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ses/delivery.json, delivered", "ses/open.json, opened", "ses/click.json, clicked"})
    void engagement_isWrittenToTheLedger_whenTracked(String sample, String feedback) throws IOException {
        invoke(handler(true), Samples.text(sample));

        assertThat(feedback()).isEqualTo(feedback);
    }

    @Test
    void send_countsForReputation_andChangesNoCustomer() throws IOException {
        invoke(handler(true), Samples.text("ses/send.json"));

        assertThat(windowWithOneMoreSend()).isEqualTo(new SendingReputation.Window(2, 0, 0));
        assertThat(suppression()).isEqualTo(Suppression.NONE);
        assertThat(feedback()).isNull();
    }

    @Test
    void bounceForAnAddressTheCustomerNoLongerHas_suppressesNothing() throws IOException {
        harness.customers.saveProfile(Fixtures.profile(CUSTOMER).email("emma@new.example").version(2).build(), 1);

        invoke(handler(false), Samples.text("ses/bounce-permanent.json"));

        assertThat(suppression()).isEqualTo(Suppression.NONE);
        assertThat(feedback()).isEqualTo("bounced_permanently");
    }

    /** 4% of a window of at least 200 sends may bounce; the ninth bounce in 200 sends is one too many. */
    @Test
    void bouncesPastTheThreshold_pauseMarketingEmail() throws IOException {
        SesFeedbackHandler handler = handler(false);
        String send = Samples.text("ses/send.json");
        String bounce = Samples.text("ses/bounce-permanent.json");
        for (int i = 0; i < 200; i++) {
            invoke(handler, send);
        }
        for (int i = 0; i < 8; i++) {
            invoke(handler, bounce);
        }
        assertThat(harness.reputation.marketingEmailPause()).isNull();

        invoke(handler, bounce);

        assertThat(harness.reputation.marketingEmailPause())
                .isEqualTo(new SendingReputation.Pause("bounce_rate", harness.clock.instant()));
    }

    @Test
    void detailTypeAftercartDoesNotRead_recordsNothing() throws IOException {
        Map<String, Object> event = Samples.event("ses/delivery.json");
        event.put("detail-type", "Email Delivery Delayed");

        Map<String, Object> output = invoke(handler(true), Json.write(event));

        assertThat(output).isEqualTo(Map.of("recorded", BigDecimal.ZERO));
        assertThat(feedback()).isNull();
    }

    // --- malformed events fail, naming the field, for the failure destination ---

    @Test
    void eventWithoutMail_throws_namingTheField() {
        Map<String, Object> event = Samples.event("ses/bounce-permanent.json");
        detail(event).remove("mail");

        assertThatThrownBy(() -> invoke(handler(false), Json.write(event)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid SES event: detail.mail: must be an object");
        assertThat(suppression()).isEqualTo(Suppression.NONE);
    }

    @Test
    void bounceWithoutRecipients_throws_namingTheFieldAndRule_butNeverTheAddress() {
        Map<String, Object> event = Samples.event("ses/bounce-permanent.json");
        bounce(event).put("bouncedRecipients", List.of());
        bounce(event).put("timestamp", "yesterday");

        assertThatThrownBy(() -> invoke(handler(false), Json.write(event)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detail.bounce.timestamp: must be an ISO 8601 UTC instant")
                .hasMessageContaining("detail.bounce.bouncedRecipients: must be a non-empty array")
                .message().doesNotContain("emma", "yesterday");
        assertThat(feedback()).isNull();
    }

    @Test
    void eventFromAnotherSource_throws_namingTheSource() {
        Map<String, Object> event = Samples.event("ses/complaint.json");
        event.put("source", "shop.orders");

        assertThatThrownBy(() -> invoke(handler(false), Json.write(event)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid SES event: source: must be \"aws.ses\"");
    }

    @Test
    void inputThatIsNotJson_throws_withoutEchoingIt() {
        assertThatThrownBy(() -> invoke(handler(false), "emma.johnson@example.com bounced"))
                .isInstanceOf(JsonException.class)
                .message().doesNotContain("emma");
    }

    @Test
    void beforeCheckpoint_runsThePrimingOnce() {
        handler(false).beforeCheckpoint(null);

        assertThat(primed).hasValue(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Map<String, Object> event) {
        return (Map<String, Object>) event.get("detail");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bounce(Map<String, Object> event) {
        return (Map<String, Object>) detail(event).get("bounce");
    }

    private static Map<String, Object> invoke(SesFeedbackHandler handler, String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }
}
