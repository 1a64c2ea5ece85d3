package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Deliveries.EN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.preferences.WebRequest;
import dev.aftercart.core.preferences.WebResponse;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.MimeWriter;
import dev.aftercart.core.testing.Deliveries;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.MimeReader;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The links to consent in every email, with the shipped templates: marketing email carries RFC 8058
 * one-click unsubscribe headers and an unsubscribe link in its footer; transactional email only the
 * link to the preference page. Zephyrine (c-1001) ordered agreeing to marketing email; her parcel
 * was delivered and the review request, a marketing email, fell due.
 */
class UnsubscribeLinksTest {

    private static final Pattern LIST_UNSUBSCRIBE = Pattern.compile(
            "<https://shop\\.example/preferences/unsubscribe\\?t=([A-Za-z0-9_.-]+)>, "
                    + "<mailto:unsubscribe@shop\\.example\\?subject=unsubscribe%20([A-Za-z0-9_.-]+)>");
    private static final Pattern PREFERENCES_LINK = Pattern.compile(
            "Manage your email and SMS preferences: https://shop\\.example/preferences/\\?t=([A-Za-z0-9_.-]+)");
    private static final Pattern UNSUBSCRIBE_LINK = Pattern.compile(
            "Unsubscribe from marketing email: https://shop\\.example/preferences/unsubscribe\\?t=([A-Za-z0-9_.-]+)");

    private final EngineHarness harness = EngineHarness.create();
    private final Deliveries deliveries = new Deliveries(harness);
    /** Checks tokens as the preference center would: the deployment's key, not the harness's own instance. */
    private final LinkTokens verifier = new LinkTokens(Fixtures.LINK_KEY, harness.clock, Duration.ofDays(90));

    private EmailMessage orderConfirmation() {
        deliveries.placeOrderWithMarketingConsent(EN.order());
        return harness.email.messages().get(0);
    }

    private EmailMessage reviewRequest() {
        deliveries.placeOrderWithMarketingConsent(EN.order());
        deliveries.ship(EN, "delivered", "2026-11-23T11:00:00Z");
        assertThat(deliveries.sendScheduledEmail(EN.customerId(), "review-request", "request"))
                .isInstanceOf(MessageOutcome.Sent.class);
        return harness.email.last();
    }

    private static String found(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in%n%s", pattern, text).isTrue();
        return m.group(group);
    }

    @Test
    void marketingEmail_carriesOneClickUnsubscribeHeaders_forTheCustomersMarketingEmail() {
        // when
        EmailMessage email = reviewRequest();

        // then: one token, in the HTTPS link and in the mailto, unsubscribing this customer from marketing email
        assertThat(email.headers()).containsOnlyKeys("List-Unsubscribe", "List-Unsubscribe-Post");
        assertThat(email.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String header = email.headers().get("List-Unsubscribe");
        Matcher m = LIST_UNSUBSCRIBE.matcher(header);
        assertThat(m.matches()).as(header).isTrue();
        assertThat(m.group(2)).isEqualTo(m.group(1));
        assertThat(verifier.verify(m.group(1)))
                .isEqualTo(new LinkTokens.Check.Valid(EN.customerId(), LinkTokens.EMAIL_MARKETING));
    }

    @Test
    void oneClickHeaders_surviveTheMimeMessage_foldedAndReadBack() {
        EmailMessage email = reviewRequest();

        MimeReader.Message mime = MimeReader.read(MimeWriter.write(email, harness.clock.instant()));

        assertThat(mime.header("List-Unsubscribe")).isEqualTo(email.headers().get("List-Unsubscribe"));
        assertThat(mime.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mime.lines()).allMatch(line -> line.length() <= 998);
    }

    @Test
    void marketingEmail_footerLinksToOneClickUnsubscribe_andToThePreferencePage() {
        EmailMessage email = reviewRequest();

        String unsubscribe = found(UNSUBSCRIBE_LINK, email.text(), 1);
        String preferences = found(PREFERENCES_LINK, email.text(), 1);

        assertThat(verifier.verify(unsubscribe))
                .isEqualTo(new LinkTokens.Check.Valid(EN.customerId(), LinkTokens.EMAIL_MARKETING));
        assertThat(verifier.verify(preferences))
                .isEqualTo(new LinkTokens.Check.Valid(EN.customerId(), LinkTokens.PREFERENCES));
        // HTML escaping writes "=" as "&#x3D;", which the mail client reads back as "=".
        assertThat(email.html()).contains("<a href=\"https://shop.example/preferences/unsubscribe?t&#x3D;" + unsubscribe + "\"")
                .contains("1 Market St, San Francisco, CA 94105");
        assertThat(email.text()).contains("Aftercart Demo · 1 Market St, San Francisco, CA 94105");
    }

    @Test
    void transactionalEmail_hasNoUnsubscribeHeadersOrLink_butLinksToThePreferencePage_andGivesThePostalAddress() {
        // when
        EmailMessage email = orderConfirmation();

        // then
        assertThat(email.headers()).isEmpty();
        assertThat(email.text()).doesNotContain("Unsubscribe from marketing email")
                .contains("Aftercart Demo · 1 Market St, San Francisco, CA 94105");
        assertThat(email.html()).doesNotContain("/preferences/unsubscribe")
                .contains("1 Market St, San Francisco, CA 94105");
        String preferences = found(PREFERENCES_LINK, email.text(), 1);
        assertThat(verifier.verify(preferences))
                .isEqualTo(new LinkTokens.Check.Valid(EN.customerId(), LinkTokens.PREFERENCES));
        assertThat(email.html()).contains("<a href=\"https://shop.example/preferences/?t&#x3D;" + preferences + "\"");
    }

    @Test
    void footerLinks_leadToThePreferenceCenter_whichAcceptsThem() {
        // given
        EmailMessage email = reviewRequest();
        String unsubscribe = found(UNSUBSCRIBE_LINK, email.text(), 1);

        // when: the customer clicks through a day later
        harness.clock.advance(Duration.ofDays(1));
        WebResponse response = harness.aftercart.preferences().handle(new WebRequest("POST", "/preferences/unsubscribe",
                Map.of("t", unsubscribe), Map.of("List-Unsubscribe", "One-Click")));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(harness.customers.profile(EN.customerId()).orElseThrow().consent().emailMarketing()).isFalse();
    }
}
