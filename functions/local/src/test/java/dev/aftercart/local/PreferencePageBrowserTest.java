package dev.aftercart.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.journey.Topics;
import dev.aftercart.local.browser.Chromium;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The preference page in a real browser: Debian's headless Chromium with JavaScript turned off,
 * opening the links of an email {@code serve} sent, through the real preferences handler on
 * DynamoDB Local. Skipped, saying why, where Chromium or ChromeDriver is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreferencePageBrowserTest {

    private static final String CUSTOMER = "cus-s1";

    @TempDir
    static Path out;

    static ServeCommand.Serving serving;
    static Chromium browser;
    static String preferencesLink;

    @BeforeAll
    static void serveAndOpenABrowser() throws Exception {
        Optional<String> unavailable = Chromium.unavailable();
        if (unavailable.isPresent()) {
            System.out.println("Browser test skipped: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "browser test skipped: " + unavailable.get());
        Path story = out.resolve("serve-story.jsonl");
        try (var in = PreferencePageBrowserTest.class.getResourceAsStream("/events/serve-story.jsonl")) {
            Files.write(story, in.readAllBytes());
        }
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--events", story.toString(), "--until", "P3D", "--port", "0",
                "--out", out.resolve("run").toString());
        serving = command.start(command.options.readInput(), new PrintStream(OutputStream.nullOutputStream()));
        String text = serving.run().deployment().outbox().sentEmails().stream()
                .filter(e -> "order-confirmation".equals(e.journey()))
                .findFirst().orElseThrow().message().text();
        Matcher link = Pattern.compile(Pattern.quote(serving.url() + "preferences/?t=") + "[A-Za-z0-9_.-]+").matcher(text);
        assertThat(link.find()).as("the confirmation links to the preference page").isTrue();
        preferencesLink = link.group();
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (serving != null) {
            serving.close();
        }
    }

    @Test
    @Order(1)
    void tamperedLink_showsAPlainRefusal_andChangesNothing() throws Exception {
        CustomerProfile before = profile();
        int signature = preferencesLink.lastIndexOf('.') + 1;
        char first = preferencesLink.charAt(signature);
        String tampered = preferencesLink.substring(0, signature) + (first == 'A' ? 'B' : 'A')
                + preferencesLink.substring(signature + 1);

        browser.open(tampered);

        assertThat(browser.text()).contains("This link is not valid or has expired");
        assertThat(browser.count("form")).isZero();
        assertThat(profile()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void savingTopics_withoutJavaScript_changesThemForEveryMessageNotYetSent() throws Exception {
        browser.open(preferencesLink);
        assertThat(browser.title()).startsWith("Email and text preferences");
        assertThat(browser.text()).contains("Order and shipping updates");
        assertThat(browser.checked(browser.find("input[name=email_marketing]"))).isTrue();
        assertThat(browser.checked(browser.find("input[name=review_requests]"))).isTrue();

        browser.click(browser.find("input[name=review_requests]"));
        browser.click(browser.find("input[name=loyalty_reminders]"));
        browser.submit(browser.find("#preferences button[type=submit]"), "#saved");

        assertThat(browser.text(browser.find("#saved"))).startsWith("Saved.");
        assertThat(browser.checked(browser.find("input[name=review_requests]"))).isFalse();
        assertThat(browser.checked(browser.find("input[name=loyalty_reminders]"))).isFalse();
        assertThat(browser.checked(browser.find("input[name=email_marketing]"))).isTrue();
        Consent consent = profile().consent();
        assertThat(consent.topicsOff()).containsExactlyInAnyOrder(Topics.REVIEW_REQUESTS, Topics.LOYALTY_REMINDERS);
        assertThat(consent.emailMarketing()).isTrue();
    }

    @Test
    @Order(3)
    void unsubscribeLink_opensThePageWithoutUnsubscribing_andItsButtonUnsubscribes() throws Exception {
        String token = preferencesLink.substring(preferencesLink.indexOf("?t=") + 3);

        browser.open(serving.url() + "preferences/unsubscribe?t=" + token);

        assertThat(browser.count("#unsubscribe button")).isEqualTo(1);
        assertThat(profile().consent().emailMarketing()).as("opening a link never unsubscribes").isTrue();

        browser.submit(browser.find("#unsubscribe button"), "#unsubscribed");

        assertThat(browser.text(browser.find("#unsubscribed"))).contains("unsubscribed from marketing email");
        assertThat(browser.checked(browser.find("input[name=email_marketing]"))).isFalse();
        assertThat(browser.count("#unsubscribe")).isZero();
        Consent consent = profile().consent();
        assertThat(consent.emailMarketing()).isFalse();
        assertThat(consent.withdrawnByCustomer()).containsExactly(Consent.EMAIL_MARKETING);
        assertThat(consent.topicsOff()).as("the topics saved before stay")
                .containsExactlyInAnyOrder(Topics.REVIEW_REQUESTS, Topics.LOYALTY_REMINDERS);
    }

    private static CustomerProfile profile() {
        return serving.run().deployment().customers().profile(CUSTOMER).orElseThrow();
    }
}
