package dev.aftercart.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve} on a free port: the outbox viewer escapes what customers and stores wrote, and the
 * preference links in the emails it sent open the real preference page through the Function URL
 * bridge; a tampered link is refused.
 */
class ServeCommandTest {

    private static final String NAME = "Zoë <b>\"Q&A\"</b>";
    private static final String ESCAPED_NAME = "Zoë &lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;";

    @TempDir
    static Path out;

    static ServeCommand.Serving serving;
    static HttpClient http = HttpClient.newHttpClient();
    static Outbox.SentEmail confirmation;
    static List<String> storyLines;

    @BeforeAll
    static void serveTheStory() throws Exception {
        Path story = out.resolve("serve-story.jsonl");
        try (var in = ServeCommandTest.class.getResourceAsStream("/events/serve-story.jsonl")) {
            Files.write(story, in.readAllBytes());
        }
        storyLines = Files.readAllLines(story);
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--events", story.toString(), "--until", "P3D", "--port", "0",
                "--out", out.resolve("run").toString());
        serving = command.start(command.options.readInput(), new PrintStream(OutputStream.nullOutputStream()));
        confirmation = serving.run().deployment().outbox().sentEmails().stream()
                .filter(e -> "order-confirmation".equals(e.journey()))
                .findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (serving != null) {
            serving.close();
        }
    }

    @Test
    void serve_listensOnLoopbackOnly_andTheEmailsLinkToItsOwnPort() {
        assertThat(serving.url()).matches("http://127\\.0\\.0\\.1:\\d+/").isNotEqualTo("http://127.0.0.1:0/");
        assertThat(confirmation.message().text()).contains(serving.url() + "preferences/?t=");
    }

    @Test
    void outbox_listsEachEmail_escapingWhatTheStoreWrote() throws Exception {
        HttpResponse<String> page = get("");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(LocalServer.VIEWER_CSP);
        assertThat(page.body()).contains("href=\"/email/" + confirmation.messageId() + "\"",
                "zoe.quinn@example.com", "order-confirmation", "#&lt;i&gt;77&lt;/i&gt;")
                .doesNotContain("<i>77</i>");
        assertThat(page.body()).contains("+13125550143");
    }

    @Test
    void email_showsHeadersAndTextEscaped_andItsHtmlOnlyInASandboxedFrame() throws Exception {
        HttpResponse<String> page = get("email/" + confirmation.messageId());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(LocalServer.VIEWER_CSP);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains(ESCAPED_NAME, "<iframe title=\"HTML part\" sandbox=\"allow-popups ",
                "srcdoc=\"&lt;!DOCTYPE html&gt;").doesNotContain(NAME);
        // The HTML part escaped its own copy of the name; in the srcdoc attribute that is escaped once more.
        assertThat(page.body()).contains("&amp;lt;b&amp;gt;");
        assertThat(get("email/no-such-message").statusCode()).isEqualTo(404);
    }

    @Test
    void preferenceLinkFromAnEmail_opensThePage_throughTheFunctionUrlBridge() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(preferenceLink())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .startsWith("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(page.body()).contains("<form method=\"post\" action=\"./\"", "name=\"t\"");
    }

    @Test
    void tamperedLink_isRefusedWith400() throws Exception {
        String link = preferenceLink();
        int signature = link.lastIndexOf('.') + 1;
        char first = link.charAt(signature);
        String tampered = link.substring(0, signature) + (first == 'A' ? 'B' : 'A') + link.substring(signature + 1);

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(tampered)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("not valid or has expired");
        assertThat(Files.readString(out.resolve("run/logs.jsonl"))).contains("\"reason\":\"bad_signature\"");
    }

    @Test
    void oneClickPost_throughTheBridge_unsubscribes_andTheLogsNameNoPersonalData() throws Exception {
        String token = preferenceLink().substring(preferenceLink().indexOf("?t=") + 3);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(serving.url() + "preferences/unsubscribe?t=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("You are unsubscribed from marketing email.");
        CustomerProfile profile = serving.run().deployment().customers().profile("cus-s1").orElseThrow();
        assertThat(profile.consent().emailMarketing()).isFalse();
        assertThat(profile.consent().withdrawnByCustomer()).contains(Consent.EMAIL_MARKETING);
        String logs = Files.readString(out.resolve("run/logs.jsonl"), StandardCharsets.UTF_8);
        assertThat(logs).contains("\"event\":\"unsubscribed\"");
        assertThat(PersonalData.in(storyLines)).contains(NAME, "zoe.quinn@example.com")
                .allSatisfy(value -> assertThat(logs).doesNotContain(value));
    }

    private static String preferenceLink() {
        Matcher link = Pattern.compile(Pattern.quote(serving.url() + "preferences/?t=") + "[A-Za-z0-9_.-]+")
                .matcher(confirmation.message().text());
        assertThat(link.find()).isTrue();
        return link.group();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(serving.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
