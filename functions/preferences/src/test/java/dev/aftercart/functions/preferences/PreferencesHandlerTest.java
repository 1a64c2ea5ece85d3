package dev.aftercart.functions.preferences;

import static dev.aftercart.functions.preferences.FunctionUrlEvents.ONE_CLICK;
import static dev.aftercart.functions.preferences.FunctionUrlEvents.event;
import static dev.aftercart.functions.preferences.FunctionUrlEvents.withPlainBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.preferences.ConsentChanges;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.preferences.PreferenceCenter;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.testing.CapturedLog;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Function URL entry over the real preference center with in-memory ports: Zephyrine (c-1001)
 * agreed to marketing email, and her mail client posts the one-click unsubscribe of an email.
 */
class PreferencesHandlerTest {

    private static final String CUSTOMER = "c-1001";
    private static final Map<String, Object> TEXT_HEADERS = Map.of(
            "Content-Type", "text/plain; charset=utf-8",
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store");
    private static final Map<String, Object> BAD_REQUEST =
            answer(400, "This request is not one we understand. Use the link in your email.");

    private final EngineHarness harness = EngineHarness.create();
    private final AtomicInteger primed = new AtomicInteger();
    private final PreferencesHandler handler = new PreferencesHandler(harness.aftercart.preferences(),
            primed::incrementAndGet);

    @BeforeEach
    void zephyrineAgreedToMarketing() {
        harness.customers.saveProfile(Fixtures.profile(CUSTOMER).consent(true, true, true).build(), 0);
    }

    private String unsubscribeToken() {
        return harness.links.issue(CUSTOMER, LinkTokens.EMAIL_MARKETING);
    }

    private Consent consent() {
        return harness.customers.profile(CUSTOMER).orElseThrow().consent();
    }

    // --- one-click unsubscribe, RFC 8058 ---

    @Test
    void oneClickPost_unsubscribesFromMarketingEmail_andAnswersInPlainText() throws IOException {
        Map<String, Object> response = invoke(FunctionUrlEvents.text(ONE_CLICK, unsubscribeToken()));

        assertThat(response).isEqualTo(answer(200, "You are unsubscribed from marketing email."));
        assertThat(consent().emailMarketing()).isFalse();
        assertThat(consent().smsMarketing()).isTrue();
        assertThat(consent().withdrawnByCustomer()).containsExactly(Consent.EMAIL_MARKETING);
    }

    @Test
    void oneClickPost_announcesTheConsentChange_forTheStoresRecords() throws IOException {
        invoke(FunctionUrlEvents.text(ONE_CLICK, unsubscribeToken()));

        assertThat(harness.events.published()).singleElement().satisfies(event -> {
            assertThat(event.detailType()).isEqualTo(ConsentChanges.DETAIL_TYPE);
            assertThat(event.detail()).containsEntry("customerId", CUSTOMER)
                    .containsEntry("emailMarketing", false)
                    .containsEntry("smsMarketing", true)
                    .containsEntry("via", "unsubscribe_link");
        });
    }

    @Test
    void oneClickPost_withAPlainBody_unsubscribesToo() throws IOException {
        Map<String, Object> event = withPlainBody(event(ONE_CLICK, unsubscribeToken()), "List-Unsubscribe=One-Click");

        Map<String, Object> response = invoke(Json.write(event));

        assertThat(response).containsEntry("statusCode", status(200));
        assertThat(consent().emailMarketing()).isFalse();
    }

    @Test
    void oneClickPost_twice_answersTheSame_andAnnouncesOnce() throws IOException {
        String event = FunctionUrlEvents.text(ONE_CLICK, unsubscribeToken());
        Map<String, Object> first = invoke(event);

        Map<String, Object> second = invoke(event);

        assertThat(second).isEqualTo(first);
        assertThat(harness.events.published()).hasSize(1);
    }

    @Test
    void oneClickPost_withATamperedToken_isRefused_andChangesNothing() throws IOException {
        String token = unsubscribeToken();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "AB" : "AA");

        Map<String, Object> response = invoke(FunctionUrlEvents.text(ONE_CLICK, tampered));

        assertThat(response).isEqualTo(
                answer(400, "This link is not valid or has expired. Use the link in a recent email from us."));
        assertThat(consent().emailMarketing()).isTrue();
        assertThat(harness.events.published()).isEmpty();
    }

    // --- the preference page ---

    @Test
    void get_ofThePreferencePage_isHtmlUnderAStrictContentSecurityPolicy() throws IOException {
        String token = harness.links.issue(CUSTOMER, LinkTokens.PREFERENCES);
        Map<String, Object> event = FunctionUrlEvents.get(event(ONE_CLICK, token), "/", "t=" + token);

        Map<String, Object> response = invoke(Json.write(event));

        assertThat(response).containsEntry("statusCode", status(200)).containsEntry("isBase64Encoded", false);
        assertThat(response.get("headers")).isEqualTo(Map.of(
                "Content-Type", "text/html; charset=utf-8",
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "Cache-Control", "no-store"));
        assertThat((String) response.get("body")).contains("<form", "value=\"" + token + "\"")
                .doesNotContain("<script");
        assertThat(consent().emailMarketing()).isTrue();
    }

    @Test
    void get_ofTheUnsubscribeLink_showsThePage_butNeverUnsubscribes() throws IOException {
        String token = unsubscribeToken();
        Map<String, Object> event = FunctionUrlEvents.get(event(ONE_CLICK, token), "/unsubscribe", "t=" + token);

        Map<String, Object> response = invoke(Json.write(event));

        assertThat(response).containsEntry("statusCode", status(200));
        assertThat(consent().emailMarketing()).isTrue();
        assertThat(harness.events.published()).isEmpty();
    }

    // --- bad input never throws ---

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"rawPath\":\"/unsubscribe\"}", "{\"version\":\"2.0\""})
    void malformedEvent_getsA400JsonResponse(String event) throws IOException {
        assertThat(invoke(event)).isEqualTo(BAD_REQUEST);
    }

    @Test
    void hugeBody_getsA400JsonResponse() throws IOException {
        Map<String, Object> event = withPlainBody(event(ONE_CLICK, unsubscribeToken()),
                "List-Unsubscribe=One-Click&padding=" + "x".repeat(FunctionUrlRequests.MAX_BODY_BYTES));

        assertThat(invoke(Json.write(event))).isEqualTo(BAD_REQUEST);
        assertThat(consent().emailMarketing()).isTrue();
    }

    @Test
    void deeplyNestedEvent_getsA400JsonResponse_ratherThanOverflowingTheStack() throws IOException {
        assertThat(invoke("[".repeat(40_000))).isEqualTo(BAD_REQUEST);
    }

    @Test
    void hugeEvent_getsA400JsonResponse() throws IOException {
        assertThat(invoke("{\"body\":\"" + "x".repeat(1024 * 1024) + "\"}")).isEqualTo(BAD_REQUEST);
    }

    // --- failures inside ---

    @Test
    void failureInsideTheCenter_getsA503_andLogsOnlyTheErrorsType() throws IOException {
        CustomerStore broken = new UnavailableStore();
        ConsentChanges changes = new ConsentChanges(broken, harness.events, harness.clock);
        PreferenceCenter center = new PreferenceCenter(broken, changes, harness.links, Templates.fromClasspath(),
                Fixtures.STORE);
        PreferencesHandler failing = new PreferencesHandler(center, () -> { });
        String token = unsubscribeToken();

        try (CapturedLog log = CapturedLog.start()) {
            Map<String, Object> response = invoke(failing, FunctionUrlEvents.text(ONE_CLICK, token));

            assertThat(response).isEqualTo(
                    answer(503, "We could not load your preferences just now. Please try again shortly."));
            assertThat(log.lines()).contains(
                    "{\"level\":\"ERROR\",\"event\":\"preferences_failed\",\"error\":\"IllegalStateException\"}");
            // The metric the template's PreferencesErrorsAlarm watches: Lambda's own Errors stays 0 for an answered 503.
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("\"PreferencesFailed\":1")
                    .contains("\"Namespace\":\"Aftercart\""));
            assertThat(log.text()).doesNotContain("zephyrine", "+1415", token, "table is unavailable");
        }
    }

    @Test
    void beforeCheckpoint_runsThePrimingOnce() {
        handler.beforeCheckpoint(null);

        assertThat(primed).hasValue(1);
    }

    /** A plain-text answer as the Function URL receives it; JSON numbers read back as decimals. */
    private static Map<String, Object> answer(int status, String body) {
        return Map.of("statusCode", status(status), "headers", TEXT_HEADERS, "body", body, "isBase64Encoded", false);
    }

    private static BigDecimal status(int code) {
        return BigDecimal.valueOf(code);
    }

    private Map<String, Object> invoke(String event) throws IOException {
        return invoke(handler, event);
    }

    private static Map<String, Object> invoke(PreferencesHandler handler, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    /** A store whose table cannot be reached; its error names the customer, as an SDK error might. */
    private static final class UnavailableStore implements CustomerStore {

        private static IllegalStateException down() {
            return new IllegalStateException("table is unavailable for zephyrine.quill@example.com, +14155550199");
        }

        @Override
        public Optional<CustomerProfile> profile(String customerId) {
            throw down();
        }

        @Override
        public boolean saveProfile(CustomerProfile profile, long expectedVersion) {
            throw down();
        }

        @Override
        public Optional<OrderRecord> order(String customerId, String orderId) {
            throw down();
        }

        @Override
        public boolean saveOrder(OrderRecord order, long expectedVersion) {
            throw down();
        }

        @Override
        public List<OrderRecord> orders(String customerId) {
            throw down();
        }

        @Override
        public Optional<String> customerIdForOrder(String orderId) {
            throw down();
        }

        @Override
        public List<String> customerIdsForPhone(String phoneNumber) {
            throw down();
        }

        @Override
        public int erase(String customerId) {
            throw down();
        }
    }
}
