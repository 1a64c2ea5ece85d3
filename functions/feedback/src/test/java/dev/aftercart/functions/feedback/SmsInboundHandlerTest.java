package dev.aftercart.functions.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.preferences.ConsentChanges;
import dev.aftercart.core.render.BusEvent;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Texts customers send back, from {@code infra/events/sms/inbound-stop.json}, through the real SMS
 * keywords with in-memory ports. Two customers share the number that texts: Emma (cus-1001, English)
 * and her partner Jiwoo (cus-1002, Korean); a third customer has another number.
 */
class SmsInboundHandlerTest {

    private static final String SHARED = "+14155550101";
    private static final String INBOUND_ID = "4b2d6f8a-1c3e-5a7b-9d0f-2e4a6c8b0d1f";
    private static final String ENGLISH_HELP = "Aftercart Demo: order and delivery texts. Msg & data rates may apply. "
            + "Help: help@shop.example. Reply STOP to opt out.";

    private final EngineHarness harness = EngineHarness.create();
    private final AtomicInteger primed = new AtomicInteger();
    private final SmsInboundHandler handler = new SmsInboundHandler(harness.aftercart.smsKeywords(),
            primed::incrementAndGet);

    @BeforeEach
    void threeCustomersAgreedToMarketingTexts() {
        harness.customers.saveProfile(Fixtures.profile("cus-1001").phone(SHARED).consent(true, true, true).build(), 0);
        harness.customers.saveProfile(Fixtures.profile("cus-1002").phone(SHARED).locale("ko-KR")
                .consent(false, true, true).build(), 0);
        harness.customers.saveProfile(Fixtures.profile("cus-2001").phone("+14155550199")
                .consent(true, true, true).build(), 0);
    }

    private Consent consent(String customerId) {
        return harness.customers.profile(customerId).orElseThrow().consent();
    }

    @Test
    void stop_withdrawsMarketingTexts_ofEveryCustomerOfTheNumber() throws IOException {
        Map<String, Object> output = invoke(Samples.text("sms/inbound-stop.json"));

        assertThat(output).isEqualTo(Map.of("actions", List.of("opted_out")));
        assertThat(consent("cus-1001")).isEqualTo(new Consent(true, false, true, null, Set.of("sms_marketing")));
        assertThat(consent("cus-1002")).isEqualTo(new Consent(false, false, true, null, Set.of("sms_marketing")));
        assertThat(consent("cus-2001").smsMarketing()).isTrue();
        assertThat(harness.sms.messages()).isEmpty();
    }

    @Test
    void stop_announcesEachCustomersConsentChange() throws IOException {
        invoke(Samples.text("sms/inbound-stop.json"));

        assertThat(harness.events.published()).extracting(BusEvent::detailType)
                .containsExactly(ConsentChanges.DETAIL_TYPE, ConsentChanges.DETAIL_TYPE);
        assertThat(harness.events.published()).extracting(event -> event.detail().get("customerId"))
                .containsExactly("cus-1001", "cus-1002");
        assertThat(harness.events.published()).allSatisfy(event -> assertThat(event.detail())
                .containsEntry("smsMarketing", false).containsEntry("via", "sms_keyword"));
    }

    @Test
    void stop_redelivered_changesNothingMore() throws IOException {
        invoke(Samples.text("sms/inbound-stop.json"));

        Map<String, Object> again = invoke(Samples.text("sms/inbound-stop.json"));

        assertThat(again).isEqualTo(Map.of("actions", List.of("opted_out")));
        assertThat(harness.events.published()).hasSize(2);
    }

    @Test
    void start_afterStop_restoresMarketingTexts() throws IOException {
        invoke(Samples.text("sms/inbound-stop.json"));

        Map<String, Object> output = invoke(withBody(Samples.event("sms/inbound-stop.json"), "START"));

        assertThat(output).isEqualTo(Map.of("actions", List.of("opted_in")));
        assertThat(consent("cus-1001")).isEqualTo(new Consent(true, true, true));
        assertThat(consent("cus-1002")).isEqualTo(new Consent(false, true, true));
    }

    @Test
    void start_neverConsentsForACustomerWhoDidNotAgree() throws IOException {
        harness.customers.saveProfile(Fixtures.profile("cus-1002").phone(SHARED).consent(false, false, true)
                .version(2).build(), 1);

        invoke(withBody(Samples.event("sms/inbound-stop.json"), "unstop"));

        assertThat(consent("cus-1002").smsMarketing()).isFalse();
        assertThat(consent("cus-1001").smsMarketing()).isTrue();
    }

    @Test
    void help_isAnsweredByText_inTheNumbersCustomersLanguage() throws IOException {
        Map<String, Object> output = invoke(withBody(Samples.event("sms/inbound-stop.json"), " help "));

        assertThat(output).isEqualTo(Map.of("actions", List.of("helped")));
        assertThat(harness.sms.messages()).singleElement().satisfies(reply -> {
            assertThat(reply.to()).isEqualTo(SHARED);
            assertThat(reply.body()).isEqualTo(ENGLISH_HELP);
            assertThat(reply.kind()).isEqualTo(MessageKind.TRANSACTIONAL);
            assertThat(reply.messageId()).isEqualTo(MessageId.of("sms-help", "reply", "sms", INBOUND_ID));
        });
        assertThat(consent("cus-1001").smsMarketing()).isTrue();
    }

    @Test
    void otherText_isIgnored() throws IOException {
        Map<String, Object> output = invoke(withBody(Samples.event("sms/inbound-stop.json"), "Thanks, see you!"));

        assertThat(output).isEqualTo(Map.of("actions", List.of("ignored")));
        assertThat(harness.events.published()).isEmpty();
        assertThat(harness.sms.messages()).isEmpty();
    }

    @Test
    void eachRecordOfTheEvent_isHandled_inOrder() throws IOException {
        Map<String, Object> stop = Samples.event("sms/inbound-stop.json");
        Map<String, Object> help = withBody(Samples.event("sms/inbound-stop.json"), "HELP");
        Map<String, Object> event = Map.of("Records", List.of(record(stop), record(help)));

        Map<String, Object> output = invoke(Json.write(event));

        assertThat(output).isEqualTo(Map.of("actions", List.of("opted_out", "helped")));
    }

    @Test
    void recordFromANumberThatIsNotE164_failsTheWholeEvent_namingTheField_butNeverTheNumber() {
        Map<String, Object> stop = Samples.event("sms/inbound-stop.json");
        Map<String, Object> broken = withMessage(Samples.event("sms/inbound-stop.json"),
                "originationNumber", "415-555-0101");
        Map<String, Object> event = Map.of("Records", List.of(record(stop), record(broken)));

        assertThatThrownBy(() -> invoke(Json.write(event)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid SNS event: Records[1].Sns.Message.originationNumber: "
                        + "must be an E.164 phone number such as +14155550123");
        // Nothing of the event was applied: Lambda retries it, then sends it to the failure destination.
        assertThat(consent("cus-1001").smsMarketing()).isTrue();
        assertThat(harness.events.published()).isEmpty();
    }

    @Test
    void eventWithoutRecords_throws_namingTheField() {
        assertThatThrownBy(() -> invoke("{\"Records\":[]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid SNS event: Records: must be a non-empty array");
    }

    @Test
    void beforeCheckpoint_runsThePrimingOnce() {
        handler.beforeCheckpoint(null);

        assertThat(primed).hasValue(1);
    }

    /** The sample with another text body, as a customer might type it. */
    private static Map<String, Object> withBody(Map<String, Object> event, String body) {
        return withMessage(event, "messageBody", body);
    }

    /** The sample with one field of its first record's {@code Sns.Message} (a JSON string) changed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withMessage(Map<String, Object> event, String field, String value) {
        Map<String, Object> sns = (Map<String, Object>) record(event).get("Sns");
        Map<String, Object> message = Json.parseObject((String) sns.get("Message"));
        message.put(field, value);
        sns.put("Message", Json.write(message));
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Map<String, Object> event) {
        return (Map<String, Object>) ((List<Object>) event.get("Records")).get(0);
    }

    private Map<String, Object> invoke(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    private Map<String, Object> invoke(Map<String, Object> event) throws IOException {
        return invoke(Json.write(event));
    }
}
