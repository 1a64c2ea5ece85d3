package dev.aftercart.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.testing.CapturedLog;
import dev.aftercart.core.testing.MimeReader;
import dev.aftercart.functions.feedback.SmsInboundHandler;
import dev.aftercart.functions.preferences.PreferencesHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-click unsubscribe in the middle of a customer's journeys, through the real handlers on
 * DynamoDB Local: an order is placed with marketing consent, shipped and delivered, and a marketing
 * email goes out; the customer's mail client POSTs the {@code List-Unsubscribe} URL of that very
 * email to the preferences function as its Function URL would; then the story goes on with a new
 * order whose event still says "subscribed". From then on no marketing email is sent, each says why
 * in the ledger, and order and shipping messages still go.
 */
class UnsubscribeEndToEndTest {

    static final String CUSTOMER = "cus-u1";
    static final Set<String> MARKETING = Set.of("review-request", "product-tips", "replenishment", "loyalty-invitation",
            "points-expiry", "fifth-order-thanks");

    @TempDir
    static Path out;

    static LocalDeployment deployment;
    static CapturedLog log;
    static Instant unsubscribedAt;
    static MimeReader.Message marketingEmail;
    static Map<String, Object> unsubscribeResponse;
    static List<LedgerEntry> ledger;
    static List<String> storyLines = new ArrayList<>();

    @BeforeAll
    static void unsubscribeMidStory() throws IOException {
        log = CapturedLog.start();
        List<Simulation.InputEvent> before = story("unsubscribe-before.jsonl");
        List<Simulation.InputEvent> after = story("unsubscribe-after.jsonl");
        deployment = new LocalDeployment(SamTemplate.fromClasspath(), out, before.get(0).time());
        Simulation simulation = new Simulation(deployment, new PrintStream(OutputStream.nullOutputStream()));
        simulation.run(before, Instant.parse("2026-11-06T17:00:00Z"));

        Outbox.SentEmail tips = deployment.outbox().sentEmails().stream()
                .filter(e -> "product-tips".equals(e.journey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no marketing email was sent before the unsubscribe"));
        marketingEmail = MimeReader.read(Files.readAllBytes(out.resolve(tips.file())));
        unsubscribedAt = deployment.clock().instant();
        unsubscribeResponse = oneClick(listUnsubscribeUrl(marketingEmail.header("List-Unsubscribe")));

        simulation.run(after, Instant.parse("2026-12-31T00:00:00Z"));
        ledger = deployment.ledger().forCustomer(CUSTOMER);
    }

    @AfterAll
    static void stop() {
        if (deployment != null) {
            deployment.close();
        }
        log.close();
    }

    @Test
    void marketingEmail_carriesOneClickUnsubscribe_toTheLocalPreferencesFunction() {
        assertThat(marketingEmail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(listUnsubscribeUrl(marketingEmail.header("List-Unsubscribe")))
                .startsWith("http://127.0.0.1:8025/preferences/unsubscribe?t=");
    }

    @Test
    void oneClickPost_unsubscribes_andAnswersAsRfc8058Expects() {
        assertThat(unsubscribeResponse).containsEntry("statusCode", new java.math.BigDecimal(200))
                .containsEntry("body", "You are unsubscribed from marketing email.");
        CustomerProfile profile = deployment.customers().profile(CUSTOMER).orElseThrow();
        assertThat(profile.consent().emailMarketing()).isFalse();
        assertThat(profile.consent().smsTransactional()).isTrue();
    }

    @Test
    void afterUnsubscribing_noMarketingEmailOrTextIsSent_andTheLedgerSaysWhy() {
        List<LedgerEntry> laterMarketing = ledger.stream()
                .filter(e -> MARKETING.contains(e.journeyId()) && e.dueAt().isAfter(unsubscribedAt))
                .toList();

        assertThat(laterMarketing).extracting(e -> e.journeyId() + "/" + e.subject().get("orderId"))
                .contains("review-request/ord-u1", "replenishment/ord-u1", "review-request/ord-u2",
                        "product-tips/ord-u2");
        assertThat(laterMarketing).allSatisfy(e -> {
            assertThat(e.status()).as(e.messageId()).isEqualTo(MessageStatus.SKIPPED);
            assertThat(e.reason()).as(e.messageId()).isEqualTo("no_email_marketing_consent");
        });
        assertThat(deployment.outbox().sentEmails()).filteredOn(e -> e.sentAt().isAfter(unsubscribedAt))
                .extracting(Outbox.SentEmail::journey).doesNotContainAnyElementsOf(MARKETING).isNotEmpty();
        assertThat(deployment.outbox().sentTexts()).filteredOn(t -> t.sentAt().isAfter(unsubscribedAt))
                .extracting(Outbox.SentSms::journey).doesNotContainAnyElementsOf(MARKETING).isNotEmpty();
    }

    @Test
    void beforeUnsubscribing_marketingEmailWasSent() {
        assertThat(ledger).filteredOn(e -> "product-tips".equals(e.journeyId()) && "ord-u1".equals(e.orderId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo(MessageStatus.SENT);
                    assertThat(e.updatedAt()).isBefore(unsubscribedAt);
                });
    }

    @Test
    void afterUnsubscribing_orderAndShippingMessagesStillGo() {
        List<String> sentAfter = ledger.stream()
                .filter(e -> e.status() == MessageStatus.SENT && e.updatedAt().isAfter(unsubscribedAt))
                .map(e -> e.journeyId() + "/" + e.channel().id() + "/" + e.subject().getOrDefault("status", "-"))
                .toList();

        assertThat(sentAfter).contains("order-confirmation/email/-", "order-confirmation/sms/-",
                "shipping-updates/email/out_for_delivery", "shipping-updates/sms/out_for_delivery",
                "shipping-updates/email/delivered", "shipping-updates/sms/delivered");
    }

    @Test
    void theStoreIsToldOfTheChange_andLogsNameNoPersonalData() throws IOException {
        List<String> events = Files.readAllLines(out.resolve("outbox/events.jsonl"));
        String logs = log.text();

        assertThat(events).singleElement().satisfies(e -> assertThat(e)
                .contains("\"DetailType\":\"Customer Consent Changed\"", "\"customerId\":\"cus-u1\"",
                        "\"emailMarketing\":false", "\"via\":\"unsubscribe_link\""));
        assertThat(logs).contains("\"event\":\"unsubscribed\"", "\"event\":\"consent_changed\"",
                "\"event\":\"email_feedback\"");
        assertThat(PersonalData.in(storyLines)).contains("ada.lovelace@example.com", "+13125550142", "Lovelace")
                .allSatisfy(value -> assertThat(logs).doesNotContain(value));
    }

    @Test
    void stopTextedBack_reachesTheSmsInboundFunction_andThePhoneLandsOnTheProvidersOptOutList() throws IOException {
        String function = deployment.functionRunning(SmsInboundHandler.class);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (var in = UnsubscribeEndToEndTest.class.getResourceAsStream("/events/inbound-stop.json")) {
            deployment.handler(function).handleRequest(in, output, new LocalContext(function, "test-stop"));
        }

        assertThat(Json.parseObject(output.toString(StandardCharsets.UTF_8))).containsEntry("actions", List.of("opted_out"));
        assertThat(deployment.smsOptOuts().isOptedOut("+13125550142")).isTrue();
        assertThat(deployment.smsOptOuts().size()).isEqualTo(1);
    }

    private static String listUnsubscribeUrl(String header) {
        Matcher link = Pattern.compile("<(https?://[^>]+)>").matcher(header);
        assertThat(link.find()).as("an http(s) link in List-Unsubscribe: %s", header).isTrue();
        return link.group(1);
    }

    /** What a mail client does with RFC 8058 one-click, arriving as the Function URL's payload 2.0 event. */
    private static Map<String, Object> oneClick(String url) throws IOException {
        URI uri = URI.create(url);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", uri.getRawQuery());
        event.put("headers", Map.of("content-type", "application/x-www-form-urlencoded", "host", uri.getAuthority()));
        event.put("requestContext", Map.of("http", Map.of("method", "POST", "path", uri.getRawPath())));
        event.put("body", Base64.getEncoder().encodeToString("List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);
        String function = deployment.functionRunning(PreferencesHandler.class);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        deployment.handler(function).handleRequest(
                new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), output,
                new LocalContext(function, "test-unsubscribe"));
        return Json.parseObject(output.toString(StandardCharsets.UTF_8));
    }

    private static List<Simulation.InputEvent> story(String name) throws IOException {
        try (var in = UnsubscribeEndToEndTest.class.getResourceAsStream("/events/" + name)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            storyLines.addAll(lines);
            return Simulation.read(name, lines);
        }
    }
}
