package dev.aftercart.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reading what an emulator sent, in the shapes LocalStack serves (and the other place some
 * compatible emulators serve SMS), from a local HTTP stub.
 */
class InspectionTest {

    /** LocalStack's GET /_aws/ses: a raw email (what SES v2 SendEmail with raw content stores) and a simple one. */
    static final String SES = """
            {"messages": [
              {"Id": "m-raw", "Region": "us-east-1", "Source": "orders@shop.example",
               "RawData": "From: Example Store <orders@shop.example>\\r\\nTo: <emma@example.com>\\r\\nSubject: Order #1001\\r\\n\\r\\nThanks"},
              {"Id": "m-simple", "Region": "us-east-1", "Source": "orders@shop.example",
               "Destination": {"ToAddresses": ["liam@example.com"]}, "Subject": "Hi",
               "Body": {"text_part": "Hello", "html_part": null}, "Timestamp": "2026-11-16T17:05:00"}
            ]}""";

    /** LocalStack's GET /_aws/sns/sms-messages: texts grouped by number. */
    static final String SMS = """
            {"sms_messages": {
               "+14155550101": [{"PhoneNumber": "+14155550101", "Message": "Order #1001 is confirmed", "MessageId": "s-1",
                                 "MessageAttributes": {}, "TopicArn": null, "SubscriptionArn": null}],
               "+14155550102": [{"PhoneNumber": "+14155550102", "Message": "Other", "MessageId": "s-2"}]},
             "region": "us-east-1"}""";

    /** LocalStack 4.14.0 Community's GET /_localstack/info. */
    static final String INFO = """
            {"version": "4.14.0:2f1a1d2e3", "edition": "community", "is_license_activated": false,
             "session_id": "5b0f7c1e-0000-4000-8000-000000000000", "machine_id": "dkr_0123456789ab", "system": "linux",
             "is_docker": true, "server_time_utc": "2026-11-16T17:05:00", "uptime": 42}""";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void emailsTo_findsRawAndSimpleEmails_byTheirRecipient() throws IOException {
        Inspection inspection = emulatorServing(Map.of("/_aws/ses", SES));

        assertThat(inspection.emailsTo("emma@example.com").orElseThrow()).extracting(m -> m.get("Id")).containsExactly("m-raw");
        assertThat(inspection.emailsTo("liam@example.com").orElseThrow()).extracting(m -> m.get("Id")).containsExactly("m-simple");
        assertThat(inspection.emailsTo("noah@example.com")).contains(List.of());
    }

    @Test
    void smsTo_findsTheTextsToANumber_atLocalStacksSmsEndpoint() throws IOException {
        Inspection inspection = emulatorServing(Map.of("/_aws/sns/sms-messages", SMS));

        assertThat(inspection.smsTo("+14155550101").orElseThrow()).extracting(m -> m.get("MessageId")).containsExactly("s-1");
        assertThat(inspection.smsTo("+14155550109")).contains(List.of());
    }

    @Test
    void smsTo_fallsBackToTheSnsEndpoint_thatSomeCompatibleEmulatorsServe() throws IOException {
        Inspection inspection = emulatorServing(Map.of("/_aws/sns", """
                {"messages": [{"phoneNumber": "+14155550101", "message": "Order #1001 is confirmed"}]}"""));

        assertThat(inspection.smsTo("+14155550101").orElseThrow()).singleElement()
                .satisfies(sms -> assertThat(sms).containsEntry("message", "Order #1001 is confirmed"));
    }

    @Test
    void edition_isTheOneLocalStackReportsAtItsInfoEndpoint() throws IOException {
        Inspection inspection = emulatorServing(Map.of("/_localstack/info", INFO));

        assertThat(inspection.edition()).contains("community");
    }

    @Test
    void edition_isEmpty_whenTheInfoNamesNone() throws IOException {
        Inspection inspection = emulatorServing(Map.of("/_localstack/info", """
                {"version": "1.0"}"""));

        assertThat(inspection.edition()).isEmpty();
    }

    @Test
    void edition_isEmpty_forAnEmulatorWithoutTheInfoEndpoint() throws IOException {
        Inspection inspection = emulatorServing(Map.of("/health", "{}"));

        assertThat(inspection.edition()).isEmpty();
    }

    @Test
    void anEmulatorWithoutInspectionEndpoints_isReportedAsSuch_notAsHavingSentNothing() throws IOException {
        Inspection inspection = emulatorServing(Map.of("/health", "{}"));

        assertThat(inspection.emailsTo("emma@example.com")).isEqualTo(Optional.empty());
        assertThat(inspection.smsTo("+14155550101")).isEqualTo(Optional.empty());
    }

    private Inspection emulatorServing(Map<String, String> bodies) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bodies.forEach((path, body) -> server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }));
        server.start();
        return new Inspection(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }
}
