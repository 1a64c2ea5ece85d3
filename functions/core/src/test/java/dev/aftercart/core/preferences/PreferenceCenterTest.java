package dev.aftercart.core.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.engine.StoreSettings;
import dev.aftercart.core.render.BusEvent;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import dev.aftercart.core.testing.MutableClock;
import dev.aftercart.core.testing.RecordingEventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The customer's side of consent: one-click unsubscribe (RFC 8058) and the preference page, with
 * the shipped page templates. The customer, c-1, has an email address and a phone number, agreed
 * to marketing by email and SMS, and has every topic on.
 */
class PreferenceCenterTest {

    private static final String CUSTOMER = "c-1";
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant PROFILE_UPDATED = Instant.parse("2026-11-01T00:00:00Z");
    private static final String REFUSED = "This link is not valid or has expired. Use the link in a recent email from us.";
    private static final String UNSUBSCRIBED = "You are unsubscribed from marketing email.";
    private static final Pattern CHECKBOX = Pattern.compile(
            "<input type=\"checkbox\" name=\"([a-z_]+)\" value=\"on\"( checked)?>");
    private static final Pattern PAGE_TOKEN = Pattern.compile(
            "<form method=\"post\" action=\"\\./\" id=\"preferences\">\\s*<input type=\"hidden\" name=\"t\" value=\"([^\"]+)\">");

    private final MutableClock clock = MutableClock.at(NOW.toString());
    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final LinkTokens tokens = new LinkTokens(Fixtures.LINK_KEY, clock, Duration.ofDays(90));
    private final PreferenceCenter center = center(Fixtures.STORE);

    private PreferenceCenter center(StoreSettings store) {
        return new PreferenceCenter(customers, new ConsentChanges(customers, events, clock), tokens,
                Templates.fromClasspath(), store);
    }

    private static StoreSettings store(String name, String defaultLocale) {
        StoreSettings s = Fixtures.STORE;
        return new StoreSettings(name, s.url(), s.supportEmail(), s.postalAddress(), s.fromAddress(), s.subscribeUrl(),
                s.preferencesUrl(), ZoneId.of("America/New_York"), defaultLocale, s.unsubscribeMailto());
    }

    private CustomerProfile stored(Fixtures.ProfileBuilder builder) {
        CustomerProfile profile = builder.build();
        customers.saveProfile(profile, 0);
        return profile;
    }

    private CustomerProfile subscribedCustomer() {
        return stored(Fixtures.profile(CUSTOMER).consent(true, true, null));
    }

    private CustomerProfile profile() {
        return customers.profile(CUSTOMER).orElseThrow();
    }

    private String unsubscribeToken() {
        return tokens.issue(CUSTOMER, LinkTokens.EMAIL_MARKETING);
    }

    private String preferencesToken() {
        return tokens.issue(CUSTOMER, LinkTokens.PREFERENCES);
    }

    /** What a mail client POSTs for one-click unsubscribe: the token in the URL, RFC 8058's body as the form. */
    private static WebRequest oneClick(String path, String token) {
        return new WebRequest("POST", path, Map.of("t", token), Map.of("List-Unsubscribe", "One-Click"));
    }

    private static WebRequest get(String path, String token) {
        return new WebRequest("GET", path, Map.of("t", token), Map.of());
    }

    /** The page's form as a browser posts it: the token, the save button and the boxes left ticked. */
    private static WebRequest save(String token, String... ticked) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("t", token);
        form.put("save", "1");
        for (String name : ticked) {
            form.put(name, "on");
        }
        return new WebRequest("POST", "/", Map.of(), form);
    }

    /** Each checkbox the page shows, and whether it is ticked. */
    private static Map<String, Boolean> checkboxes(String html) {
        Map<String, Boolean> boxes = new LinkedHashMap<>();
        Matcher m = CHECKBOX.matcher(html);
        while (m.find()) {
            boxes.put(m.group(1), m.group(2) != null);
        }
        return boxes;
    }

    private static String pageToken(String html) {
        Matcher m = PAGE_TOKEN.matcher(html);
        assertThat(m.find()).as("the page's form carries a token").isTrue();
        return m.group(1);
    }

    private void assertNothingChanged(CustomerProfile before) {
        assertThat(profile()).isEqualTo(before);
        assertThat(events.published()).isEmpty();
    }

    // --- one-click unsubscribe ---

    @Test
    void oneClickPost_withdrawsMarketingEmailOnly_andAnswers200InPlainText() {
        // given
        subscribedCustomer();

        // when
        WebResponse response = center.handle(oneClick("/unsubscribe", unsubscribeToken()));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(UNSUBSCRIBED);
        assertThat(response.headers()).containsEntry("Content-Type", "text/plain; charset=utf-8")
                .containsEntry("Cache-Control", "no-store").containsEntry("X-Content-Type-Options", "nosniff");
        Consent consent = profile().consent();
        assertThat(consent.emailMarketing()).isFalse();
        assertThat(consent.smsMarketing()).isTrue();
        assertThat(consent.topicsOff()).isEmpty();
        assertThat(consent.withdrawnByCustomer()).containsExactly(Consent.EMAIL_MARKETING);
        assertThat(profile().version()).isEqualTo(2);
        // updatedAt orders the store's events; the customer's click is not one of them.
        assertThat(profile().updatedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void oneClickPost_recordsTheWithdrawal_evenWhenMarketingEmailWasAlreadyOff() {
        // given
        subscribedCustomer();
        center.handle(oneClick("/unsubscribe", unsubscribeToken()));
        CustomerProfile off = profile();
        customers.saveProfile(off.withConsent(new Consent(false, true, null), off.updatedAt())
                .withVersion(off.version() + 1), off.version());

        // when
        WebResponse response = center.handle(oneClick("/unsubscribe", unsubscribeToken()));

        // then: a later "subscribed" from the store cannot turn it back on
        assertThat(response.status()).isEqualTo(200);
        assertThat(profile().consent().withdrawnByCustomer()).containsExactly(Consent.EMAIL_MARKETING);
        assertThat(profile().consent().fromStore(true, null, null).emailMarketing()).isFalse();
    }

    @Test
    void oneClickPost_isIdempotent_aSecondPostAnswersTheSame_andChangesAndAnnouncesNothing() {
        // given
        subscribedCustomer();
        String token = unsubscribeToken();
        center.handle(oneClick("/unsubscribe", token));
        CustomerProfile afterFirst = profile();

        // when
        WebResponse again = center.handle(oneClick("/unsubscribe", token));

        // then
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(UNSUBSCRIBED);
        assertThat(profile()).isEqualTo(afterFirst);
        assertThat(events.published()).hasSize(1);
    }

    @Test
    void oneClickPost_announcesTheChangeOnTheBus_withoutContactDetails() {
        // given
        CustomerProfile before = subscribedCustomer();

        // when
        center.handle(oneClick("/unsubscribe", unsubscribeToken()));

        // then
        assertThat(events.published()).hasSize(1);
        BusEvent event = events.published().get(0);
        assertThat(event.detailType()).isEqualTo("Customer Consent Changed");
        assertThat(event.detail()).containsOnly(
                entry("customerId", CUSTOMER),
                entry("emailMarketing", false),
                entry("smsMarketing", true),
                entry("topicsOff", List.of()),
                entry("via", "unsubscribe_link"),
                entry("changedAt", "2026-11-20T10:00:00Z"));
        assertThat(event.detail().toString()).doesNotContain(before.email(), before.phone(), "zephyrine", "4155550199");
    }

    @Test
    void oneClickPost_acceptsAPreferencesToken() {
        subscribedCustomer();

        WebResponse response = center.handle(oneClick("/unsubscribe", preferencesToken()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(profile().consent().emailMarketing()).isFalse();
    }

    @Test
    void oneClickPost_worksUnderAnyPathPrefix_withOrWithoutATrailingSlash_andInLowerCase() {
        // given
        subscribedCustomer();

        // when
        WebResponse response = center.handle(new WebRequest("post", "/prefs/unsubscribe/", Map.of("t", unsubscribeToken()),
                Map.of("List-Unsubscribe", "One-Click")));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(UNSUBSCRIBED);
        assertThat(profile().consent().emailMarketing()).isFalse();
    }

    @Test
    void oneClickPost_forACustomerWithoutAProfile_answersTheSame_andAnnouncesNothing() {
        WebResponse response = center.handle(oneClick("/unsubscribe", tokens.issue("c-unknown", LinkTokens.EMAIL_MARKETING)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(UNSUBSCRIBED);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void getOnTheUnsubscribeLink_showsThePage_andChangesNothing() {
        // given: a link scanner, or the customer's browser, follows the link
        CustomerProfile before = subscribedCustomer();

        // when
        WebResponse response = center.handle(get("/prefs/unsubscribe", unsubscribeToken()));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "text/html; charset=utf-8");
        assertThat(checkboxes(response.body())).containsEntry("email_marketing", true);
        assertThat(response.body()).contains("id=\"unsubscribe\"").doesNotContain("id=\"unsubscribed\"");
        assertNothingChanged(before);
    }

    @Test
    void pageReachedByTheUnsubscribeLink_carriesAPreferencesToken_soItsFormCanBeSaved() {
        subscribedCustomer();

        WebResponse response = center.handle(get("/unsubscribe", unsubscribeToken()));

        String token = pageToken(response.body());
        assertThat(tokens.verify(token)).isEqualTo(new LinkTokens.Check.Valid(CUSTOMER, LinkTokens.PREFERENCES));
        assertThat(center.handle(save(token, "email_marketing")).status()).isEqualTo(200);
    }

    @Test
    void pagesOwnUnsubscribeButton_unsubscribes_andShowsThePageWithTheNotice() {
        // given: the form the page posts to "unsubscribe", with its token as a field
        subscribedCustomer();
        String token = preferencesToken();

        // when
        WebResponse response = center.handle(new WebRequest("POST", "/prefs/unsubscribe", Map.of(),
                Map.of("t", token, "page", "1")));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "text/html; charset=utf-8");
        assertThat(response.body()).contains("<p class=\"notice\" role=\"status\" id=\"unsubscribed\">"
                + "You are unsubscribed from marketing email. Order and shipping updates still reach you.</p>");
        assertThat(response.body()).doesNotContain("id=\"saved\"", "<form method=\"post\" action=\"unsubscribe\"");
        assertThat(checkboxes(response.body())).containsEntry("email_marketing", false);
        assertThat(pageToken(response.body())).isEqualTo(token);
        assertThat(profile().consent().emailMarketing()).isFalse();
        assertThat(events.published()).extracting(e -> e.detail().get("via")).containsExactly("unsubscribe_link");
    }

    // --- refused links ---

    /** A token for the customer, spoiled as {@code how} says. */
    private String spoiled(String how, String topic) {
        String token = tokens.issue(CUSTOMER, topic);
        return switch (how) {
            case "tampered" -> {
                String other = tokens.issue("c-2", topic);
                yield other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));
            }
            case "expired" -> {
                MutableClock past = MutableClock.at("2026-01-01T00:00:00Z");
                yield new LinkTokens(Fixtures.LINK_KEY, past, Duration.ofDays(90)).issue(CUSTOMER, topic);
            }
            case "malformed" -> token.replace('.', '~');
            case "foreign" -> new LinkTokens("a-different-deployment-signing-key".getBytes(), clock, Duration.ofDays(90))
                    .issue(CUSTOMER, topic);
            default -> throw new IllegalArgumentException(how);
        };
    }

    private void assertRefused(WebResponse response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(REFUSED);
        assertThat(response.headers()).containsEntry("Content-Type", "text/plain; charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tampered", "expired", "malformed", "foreign"})
    void oneClickPost_withABadToken_isRefusedWith400_andChangesNothing(String how) {
        CustomerProfile before = subscribedCustomer();

        WebResponse response = center.handle(oneClick("/unsubscribe", spoiled(how, LinkTokens.EMAIL_MARKETING)));

        assertRefused(response);
        assertNothingChanged(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tampered", "expired", "malformed", "foreign"})
    void savingThePage_withABadToken_isRefusedWith400_andChangesNothing(String how) {
        CustomerProfile before = subscribedCustomer();

        WebResponse response = center.handle(save(spoiled(how, LinkTokens.PREFERENCES)));

        assertRefused(response);
        assertNothingChanged(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tampered", "expired", "malformed", "foreign"})
    void showingThePage_withABadToken_isRefusedWith400(String how) {
        subscribedCustomer();

        assertRefused(center.handle(get("/", spoiled(how, LinkTokens.PREFERENCES))));
    }

    @Test
    void requestsWithoutAToken_areRefusedWith400() {
        CustomerProfile before = subscribedCustomer();

        assertRefused(center.handle(new WebRequest("POST", "/unsubscribe", Map.of(), Map.of("List-Unsubscribe", "One-Click"))));
        assertRefused(center.handle(new WebRequest("GET", "/", Map.of(), Map.of())));
        assertRefused(center.handle(new WebRequest("POST", "/", Map.of(), Map.of("email_marketing", "on"))));
        assertNothingChanged(before);
    }

    @Test
    void savingThePage_withAnUnsubscribeToken_isRefused_andChangesNothing() {
        // given: an unsubscribe link's token may only unsubscribe
        CustomerProfile before = subscribedCustomer();

        // when: it is used to turn everything off on the page
        WebResponse response = center.handle(save(unsubscribeToken()));

        // then
        assertRefused(response);
        assertNothingChanged(before);
    }

    @Test
    void showingThePageAtItsRoot_withAnUnsubscribeToken_isRefused() {
        subscribedCustomer();

        assertRefused(center.handle(get("/", unsubscribeToken())));
    }

    @Test
    void otherMethods_areAnswered405() {
        CustomerProfile before = subscribedCustomer();

        WebResponse put = center.handle(new WebRequest("PUT", "/", Map.of("t", preferencesToken()), Map.of()));
        WebResponse delete = center.handle(new WebRequest("DELETE", "/unsubscribe", Map.of("t", unsubscribeToken()), Map.of()));

        assertThat(put.status()).isEqualTo(405);
        assertThat(delete.status()).isEqualTo(405);
        assertNothingChanged(before);
    }

    // --- the page ---

    @Test
    void page_showsEveryChoice_tickedAsTheProfileSays() {
        // given: SMS marketing off, review requests off
        CustomerProfile profile = Fixtures.profile(CUSTOMER).consent(true, false, null).build();
        customers.saveProfile(profile.withConsent(new Consent(true, false, null, Set.of("review_requests"), Set.of()),
                PROFILE_UPDATED), 0);

        // when
        WebResponse response = center.handle(get("/", preferencesToken()));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(checkboxes(response.body())).containsExactly(
                entry("email_marketing", true),
                entry("sms_marketing", false),
                entry("review_requests", false),
                entry("loyalty_reminders", true));
        assertThat(response.body()).contains("<html lang=\"en\">", "<title>Email and text preferences · Aftercart Demo</title>")
                .doesNotContain("id=\"saved\"", "id=\"unsubscribed\"");
    }

    @Test
    void page_withoutMarketingEmail_offersNoUnsubscribeButton() {
        stored(Fixtures.profile(CUSTOMER).consent(false, true, null));

        WebResponse response = center.handle(get("/", preferencesToken()));

        assertThat(checkboxes(response.body())).containsEntry("email_marketing", false);
        assertThat(response.body()).doesNotContain("id=\"unsubscribe\"");
    }

    @Test
    void page_showsNoEmailChoice_withoutAnAddress_andNoSmsChoice_withoutANumber() {
        stored(Fixtures.profile(CUSTOMER).email(null).consent(false, true, null));
        stored(Fixtures.profile("c-2").phone(null).consent(true, false, null));

        WebResponse noEmail = center.handle(get("/", preferencesToken()));
        WebResponse noPhone = center.handle(get("/", tokens.issue("c-2", LinkTokens.PREFERENCES)));

        assertThat(checkboxes(noEmail.body())).containsOnlyKeys("sms_marketing", "review_requests", "loyalty_reminders");
        assertThat(checkboxes(noPhone.body())).containsOnlyKeys("email_marketing", "review_requests", "loyalty_reminders");
    }

    @Test
    void page_speaksTheCustomersLanguage() {
        stored(Fixtures.profile("c-ko").locale("ko-KR").consent(true, false, null));
        stored(Fixtures.profile("c-th").locale("th-TH").consent(true, false, null));

        String korean = center.handle(get("/", tokens.issue("c-ko", LinkTokens.PREFERENCES))).body();
        String thai = center.handle(get("/", tokens.issue("c-th", LinkTokens.PREFERENCES))).body();

        assertThat(korean).contains("<html lang=\"ko\">", "<title>이메일·문자 수신 설정 · Aftercart Demo</title>",
                "<h1>수신 설정</h1>");
        assertThat(thai).contains("<html lang=\"th\">", "<h1>การตั้งค่าของคุณ</h1>");
        assertThat(checkboxes(korean)).containsEntry("email_marketing", true).containsEntry("sms_marketing", false);
    }

    @Test
    void page_forACustomerWithoutALocale_speaksTheStoresDefault_andOtherwiseFallsBackToEnglish() {
        stored(Fixtures.profile("c-none").locale(null).consent(true, false, null));
        stored(Fixtures.profile("c-fr").locale("fr-FR").consent(true, false, null));
        PreferenceCenter thaiStore = center(store("Aftercart Demo", "th-TH"));

        String none = thaiStore.handle(get("/", tokens.issue("c-none", LinkTokens.PREFERENCES))).body();
        String french = thaiStore.handle(get("/", tokens.issue("c-fr", LinkTokens.PREFERENCES))).body();

        assertThat(none).contains("<html lang=\"th\">");
        assertThat(french).contains("<html lang=\"en\">");
    }

    @Test
    void page_escapesTheStoresWords() {
        // given
        subscribedCustomer();
        PreferenceCenter center = center(store("<script>alert(1)</script> & \"Co\"", "en-US"));

        // when
        String html = center.handle(get("/", preferencesToken())).body();

        // then
        assertThat(html).doesNotContain("<script>")
                .contains("<title>Email and text preferences · &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;</title>");
    }

    @Test
    void page_isServedWithHeadersThatForbidScriptsFramingAndCaching() {
        subscribedCustomer();

        WebResponse response = center.handle(get("/", preferencesToken()));

        assertThat(response.headers()).containsOnly(
                entry("Content-Type", "text/html; charset=utf-8"),
                entry("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'"),
                entry("X-Content-Type-Options", "nosniff"),
                entry("Referrer-Policy", "no-referrer"),
                entry("Cache-Control", "no-store"));
    }

    @Test
    void page_isServedUnderAnyPrefix_andAtTheRoot() {
        subscribedCustomer();
        String token = preferencesToken();

        assertThat(center.handle(get("/prefs/", token)).status()).isEqualTo(200);
        assertThat(center.handle(get("/prefs", token)).status()).isEqualTo(200);
        assertThat(center.handle(get("", token)).status()).isEqualTo(200);
        assertThat(center.handle(new WebRequest("GET", null, Map.of("t", token), Map.of())).status()).isEqualTo(200);
    }

    @Test
    void page_carriesTheTokenItCameWith() {
        subscribedCustomer();
        String token = preferencesToken();

        assertThat(pageToken(center.handle(get("/", token)).body())).isEqualTo(token);
    }

    @Test
    void page_forACustomerWithoutAProfile_isNotFound() {
        WebResponse response = center.handle(get("/", tokens.issue("c-unknown", LinkTokens.PREFERENCES)));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("Content-Type", "text/plain; charset=utf-8");
    }

    // --- saving the page ---

    @Test
    void savingThePage_keepsTickedChoices_andTurnsOffTheRest() {
        // given
        subscribedCustomer();

        // when: marketing email and review requests stay ticked
        WebResponse response = center.handle(save(preferencesToken(), "email_marketing", "review_requests"));

        // then
        Consent consent = profile().consent();
        assertThat(consent.emailMarketing()).isTrue();
        assertThat(consent.smsMarketing()).isFalse();
        assertThat(consent.topicsOff()).containsExactly("loyalty_reminders");
        assertThat(consent.withdrawnByCustomer()).containsExactly(Consent.SMS_MARKETING);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"saved\"");
        assertThat(checkboxes(response.body())).containsExactly(
                entry("email_marketing", true),
                entry("sms_marketing", false),
                entry("review_requests", true),
                entry("loyalty_reminders", false));
    }

    @Test
    void savingThePage_announcesTheNewChoices() {
        subscribedCustomer();

        center.handle(save(preferencesToken(), "sms_marketing"));

        assertThat(events.published()).singleElement().satisfies(event -> assertThat(event.detail()).containsOnly(
                entry("customerId", CUSTOMER),
                entry("emailMarketing", false),
                entry("smsMarketing", true),
                entry("topicsOff", List.of("loyalty_reminders", "review_requests")),
                entry("via", "preference_page"),
                entry("changedAt", "2026-11-20T10:00:00Z")));
    }

    @Test
    void savingThePage_withEverythingUnticked_turnsEveryChoiceOff() {
        subscribedCustomer();

        center.handle(save(preferencesToken()));

        Consent consent = profile().consent();
        assertThat(consent.emailMarketing()).isFalse();
        assertThat(consent.smsMarketing()).isFalse();
        assertThat(consent.topicsOff()).containsExactlyInAnyOrder("review_requests", "loyalty_reminders");
        assertThat(consent.withdrawnByCustomer()).containsExactlyInAnyOrder(Consent.EMAIL_MARKETING, Consent.SMS_MARKETING);
    }

    @Test
    void savingThePage_canTurnATopicBackOn_andMarketingEmailBackOn() {
        // given: earlier the customer unsubscribed and turned review requests off
        CustomerProfile profile = Fixtures.profile(CUSTOMER).consent(false, false, null).build();
        customers.saveProfile(profile.withConsent(new Consent(false, false, null, Set.of("review_requests"),
                Set.of(Consent.EMAIL_MARKETING)), PROFILE_UPDATED), 0);

        // when
        center.handle(save(preferencesToken(), "email_marketing", "review_requests", "loyalty_reminders"));

        // then
        Consent consent = profile().consent();
        assertThat(consent.emailMarketing()).isTrue();
        assertThat(consent.topicsOff()).isEmpty();
        assertThat(consent.withdrawnByCustomer()).isEmpty();
    }

    @Test
    void savingThePage_leavesTheSmsChoiceAlone_whenThereIsNoNumber_andTheEmailChoice_whenThereIsNoAddress() {
        // given: no phone on file, yet SMS marketing agreed to at checkout; and one without an address
        stored(Fixtures.profile(CUSTOMER).phone(null).consent(true, true, null));
        stored(Fixtures.profile("c-2").email(null).consent(true, true, null));

        // when: neither page showed that box, so neither form sends it
        center.handle(save(preferencesToken(), "email_marketing", "review_requests", "loyalty_reminders"));
        center.handle(save(tokens.issue("c-2", LinkTokens.PREFERENCES), "sms_marketing", "review_requests",
                "loyalty_reminders"));

        // then
        assertThat(profile().consent().smsMarketing()).isTrue();
        assertThat(customers.profile("c-2").orElseThrow().consent().emailMarketing()).isTrue();
    }

    @Test
    void savingThePage_withTheTokenInTheQuery_works() {
        subscribedCustomer();

        WebResponse response = center.handle(new WebRequest("POST", "/", Map.of("t", preferencesToken()),
                Map.of("email_marketing", "on", "sms_marketing", "on")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(profile().consent().topicsOff()).containsExactlyInAnyOrder("review_requests", "loyalty_reminders");
    }

    @Test
    void savingThePage_unchanged_announcesNothing_andKeepsTheVersion() {
        subscribedCustomer();

        WebResponse response = center.handle(save(preferencesToken(), "email_marketing", "sms_marketing",
                "review_requests", "loyalty_reminders"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"saved\"");
        assertThat(profile().version()).isEqualTo(1);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void savingThePage_forACustomerWithoutAProfile_isNotFound() {
        WebResponse response = center.handle(save(tokens.issue("c-unknown", LinkTokens.PREFERENCES), "email_marketing"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(customers.profile("c-unknown")).isEmpty();
        assertThat(events.published()).isEmpty();
    }
}
