package dev.aftercart.functions.preferences;

import static dev.aftercart.functions.preferences.FunctionUrlEvents.ONE_CLICK;
import static dev.aftercart.functions.preferences.FunctionUrlEvents.event;
import static dev.aftercart.functions.preferences.FunctionUrlEvents.headers;
import static dev.aftercart.functions.preferences.FunctionUrlEvents.http;
import static dev.aftercart.functions.preferences.FunctionUrlEvents.withPlainBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.json.Json;
import dev.aftercart.core.preferences.WebRequest;
import dev.aftercart.core.preferences.WebResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Function URL payload format 2.0 to the preference center's {@link WebRequest}, and its answer back. */
class FunctionUrlRequestsTest {

    private static final String TOKEN = "djEKYy0xMDAxCmVtYWlsX21hcmtldGluZwoxODAyOTQ0ODA1.c2lnbmF0dXJl";
    private static final String ONE_CLICK_FORM = "List-Unsubscribe=One-Click";

    private static Optional<WebRequest> read(String event) throws IOException {
        return FunctionUrlRequests.read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<WebRequest> read(Map<String, Object> event) throws IOException {
        return read(Json.write(event));
    }

    // --- what it reads ---

    @Test
    void read_oneClickPost_withBase64Body_asMethodPathTokenAndForm() throws IOException {
        Optional<WebRequest> request = read(FunctionUrlEvents.text(ONE_CLICK, TOKEN));

        assertThat(request).contains(new WebRequest("POST", "/unsubscribe", Map.of("t", TOKEN),
                Map.of("List-Unsubscribe", "One-Click")));
    }

    @Test
    void read_oneClickPost_withPlainBody() throws IOException {
        Optional<WebRequest> request = read(withPlainBody(event(ONE_CLICK, TOKEN), ONE_CLICK_FORM));

        assertThat(request).contains(new WebRequest("POST", "/unsubscribe", Map.of("t", TOKEN),
                Map.of("List-Unsubscribe", "One-Click")));
    }

    @Test
    void read_findsTheContentTypeInAnyCase_withACharset() throws IOException {
        Map<String, Object> event = withPlainBody(event(ONE_CLICK, TOKEN), "email_marketing=on&t=" + TOKEN);
        headers(event).remove("content-type");
        headers(event).put("Content-Type", "Application/X-WWW-Form-Urlencoded; charset=UTF-8");

        assertThat(read(event).orElseThrow().form()).isEqualTo(Map.of("email_marketing", "on", "t", TOKEN));
    }

    @Test
    void read_decodesQueryAndForm_asFormEncoding() throws IOException {
        Map<String, Object> event = withPlainBody(event(ONE_CLICK, TOKEN), "note=caf%C3%A9+au+lait&empty");
        event.put("rawQueryString", "t=" + TOKEN + "&lang=ko%2DKR&t=second");

        WebRequest request = read(event).orElseThrow();

        assertThat(request.query()).isEqualTo(Map.of("t", TOKEN, "lang", "ko-KR"));
        assertThat(request.form()).isEqualTo(Map.of("note", "café au lait", "empty", ""));
    }

    /** A multipart one-click post still unsubscribes: the token is in the URL, and the form is not needed. */
    @Test
    void read_ignoresABodyThatIsNotAForm_butKeepsTheQuery() throws IOException {
        Map<String, Object> event = event(ONE_CLICK, TOKEN);
        headers(event).put("content-type", "multipart/form-data; boundary=----b");
        event.put("body", Base64.getEncoder().encodeToString(
                "------b\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n------b--\r\n"
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(read(event)).contains(new WebRequest("POST", "/unsubscribe", Map.of("t", TOKEN), Map.of()));
    }

    @Test
    void read_ignoresTheBody_whenThereAreNoHeaders() throws IOException {
        Map<String, Object> event = event(ONE_CLICK, TOKEN);
        event.remove("headers");

        assertThat(read(event).orElseThrow().form()).isEmpty();
    }

    @Test
    void read_getWithoutBodyOrQuery_hasNeither() throws IOException {
        Map<String, Object> event = FunctionUrlEvents.get(event(ONE_CLICK, TOKEN), "/", "");

        assertThat(read(event)).contains(new WebRequest("GET", "/", Map.of(), Map.of()));
    }

    @Test
    void read_getWithoutRawQueryString_hasNoQuery() throws IOException {
        Map<String, Object> event = FunctionUrlEvents.get(event(ONE_CLICK, TOKEN), "/", "");
        event.remove("rawQueryString");

        assertThat(read(event)).contains(new WebRequest("GET", "/", Map.of(), Map.of()));
    }

    @Test
    void read_acceptsAFormOfExactlyTheLimit() throws IOException {
        String body = "a=" + "x".repeat(FunctionUrlRequests.MAX_BODY_BYTES - 2);

        Optional<WebRequest> request = read(withPlainBody(event(ONE_CLICK, TOKEN), body));

        assertThat(request.orElseThrow().form().get("a")).hasSize(FunctionUrlRequests.MAX_BODY_BYTES - 2);
    }

    // --- what it refuses ---

    @Test
    void read_refusesAFormOneByteOverTheLimit() throws IOException {
        String body = "a=" + "x".repeat(FunctionUrlRequests.MAX_BODY_BYTES - 1);

        assertThat(read(withPlainBody(event(ONE_CLICK, TOKEN), body))).isEmpty();
    }

    @Test
    void read_refusesAnEventFarLargerThanAnyForm_withoutParsingIt() throws IOException {
        Map<String, Object> event = event(ONE_CLICK, TOKEN);
        headers(event).put("x-padding", "x".repeat(100 * 1024));
        assertThat(read(event(ONE_CLICK, TOKEN))).isPresent();

        assertThat(read(event)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "not json", "[]", "\"text\"", "{}", "{\"rawPath\":\"/\"}",
        "{\"rawPath\":\"/\",\"requestContext\":{\"http\":{}}}",
        "{\"rawPath\":\"/\",\"requestContext\":{\"http\":{\"method\":7}}}",
        "{\"rawPath\":\"/\",\"requestContext\":\"POST\"}",
        "{\"requestContext\":{\"http\":{\"method\":\"GET\"}}}",
        "{\"rawPath\":null,\"requestContext\":{\"http\":{\"method\":\"GET\"}}}",
        "{\"rawPath\":\"/\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}"})
    void read_refusesWhatIsNotAFunctionUrlEvent(String event) throws IOException {
        assertThat(read(event)).isEmpty();
    }

    @Test
    void read_refusesABodyThatIsNotBase64_whenItSaysItIs() throws IOException {
        Map<String, Object> event = event(ONE_CLICK, TOKEN);
        event.put("body", "List-Unsubscribe=One-Click");

        assertThat(read(event)).isEmpty();
    }

    @Test
    void read_refusesAQueryWithAMalformedEscape() throws IOException {
        Map<String, Object> event = event(ONE_CLICK, TOKEN);
        event.put("rawQueryString", "t=%zz");

        assertThat(read(event)).isEmpty();
    }

    @Test
    void read_refusesAFormWithMoreFieldsThanThePageSends() throws IOException {
        StringBuilder form = new StringBuilder("f0=1");
        for (int i = 1; i <= 32; i++) {
            form.append("&f").append(i).append("=1");
        }

        assertThat(read(withPlainBody(event(ONE_CLICK, TOKEN), form.toString()))).isEmpty();
    }

    @Test
    void read_refusesAMethodThatIsNotAString() throws IOException {
        Map<String, Object> event = event(ONE_CLICK, TOKEN);
        http(event).put("method", Map.of("name", "POST"));

        assertThat(read(event)).isEmpty();
    }

    // --- what it answers ---

    @Test
    void toJson_isTheFunctionUrlResponse_neverBase64() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Content-Security-Policy", "default-src 'none'");

        Map<String, Object> json = FunctionUrlRequests.toJson(new WebResponse(200, headers, "<p>Saved.</p>"));

        assertThat(json).isEqualTo(Map.of("statusCode", 200, "headers", headers, "body", "<p>Saved.</p>",
                "isBase64Encoded", false));
        assertThat(json.keySet()).containsExactly("statusCode", "headers", "body", "isBase64Encoded");
    }

    @Test
    void badRequest_isA400InPlainText_thatNeverSniffsOrCaches() {
        WebResponse response = FunctionUrlRequests.badRequest();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).isEqualTo(Map.of("Content-Type", "text/plain; charset=utf-8",
                "X-Content-Type-Options", "nosniff", "Cache-Control", "no-store"));
        assertThat(response.body()).isEqualTo("This request is not one we understand. Use the link in your email.");
    }

    @Test
    void unavailable_isA503InPlainText() {
        WebResponse response = FunctionUrlRequests.unavailable();

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).isEqualTo(FunctionUrlRequests.badRequest().headers());
        assertThat(response.body()).isEqualTo("We could not load your preferences just now. Please try again shortly.");
    }
}
