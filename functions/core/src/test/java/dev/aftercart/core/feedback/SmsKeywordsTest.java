package dev.aftercart.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.engine.StoreSettings;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.preferences.ConsentChanges;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import dev.aftercart.core.testing.InMemorySmsOptOutList;
import dev.aftercart.core.testing.MutableClock;
import dev.aftercart.core.testing.RecordingEventPublisher;
import dev.aftercart.core.testing.RecordingSmsSender;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Texts customers send back to the store's number. Two customers share the family number
 * +14155550100: c-1 (English) and c-2 (Korean); c-3 has a number of their own. All three agreed
 * to marketing texts.
 */
class SmsKeywordsTest {

    private static final String SHARED = "+14155550100";
    private static final String OWN = "+14155550133";
    private static final String UNKNOWN = "+14155550999";
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String ENGLISH_HELP = "Aftercart Demo: order and delivery texts. Msg & data rates may apply. "
            + "Help: help@shop.example. Reply STOP to opt out.";
    private static final String KOREAN_HELP = "Aftercart Demo 주문·배송 안내 문자입니다. 문의: help@shop.example. 수신 거부: STOP 회신";

    private final MutableClock clock = MutableClock.at(NOW.toString());
    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final RecordingSmsSender sms = new RecordingSmsSender();
    private final InMemorySmsOptOutList optOuts = new InMemorySmsOptOutList();
    private final SmsKeywords keywords = keywords(Fixtures.STORE);

    SmsKeywordsTest() {
        customers.saveProfile(Fixtures.profile("c-1").phone(SHARED).locale("en-US").consent(true, true, null).build(), 0);
        customers.saveProfile(Fixtures.profile("c-2").phone(SHARED).locale("ko-KR").consent(false, true, null).build(), 0);
        customers.saveProfile(Fixtures.profile("c-3").phone(OWN).locale("en-US").consent(true, true, null).build(), 0);
    }

    private SmsKeywords keywords(StoreSettings store) {
        return new SmsKeywords(customers, new ConsentChanges(customers, events, clock), sms, optOuts,
                Templates.fromClasspath(), store);
    }

    private static InboundSms text(String from, String body) {
        return new InboundSms("in-1", from, body, NOW);
    }

    private Consent consent(String customerId) {
        return customers.profile(customerId).orElseThrow().consent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", "  Stop  ", "STOP ALL", "stop   all", "\tstop\n", "UNSUBSCRIBE", "cancel", "END",
        "Quit", "REVOKE", "OPTOUT", "opt out", "OPT-OUT"})
    void stopKeyword_withdrawsSmsMarketing_ofEveryCustomerWithTheNumber(String body) {
        // when
        SmsKeywords.Action action = keywords.handle(text(SHARED, body));

        // then
        assertThat(action).isEqualTo(SmsKeywords.Action.OPTED_OUT);
        assertThat(consent("c-1").smsMarketing()).isFalse();
        assertThat(consent("c-2").smsMarketing()).isFalse();
        assertThat(consent("c-1").withdrawnByCustomer()).containsExactly(Consent.SMS_MARKETING);
        assertThat(consent("c-1").emailMarketing()).isTrue();
        assertThat(consent("c-3").smsMarketing()).isTrue();
        assertThat(events.published()).extracting(e -> e.detail().get("customerId"), e -> e.detail().get("via"))
                .containsExactly(tuple("c-1", "sms_keyword"),
                        tuple("c-2", "sms_keyword"));
        assertThat(sms.count()).isZero();
    }

    @Test
    void stop_sentTwice_announcesOnlyTheFirst() {
        keywords.handle(text(OWN, "STOP"));

        SmsKeywords.Action again = keywords.handle(text(OWN, "STOP"));

        assertThat(again).isEqualTo(SmsKeywords.Action.OPTED_OUT);
        assertThat(events.published()).hasSize(1);
    }

    @Test
    void stop_isNotUndoneByTheStoreSayingSmsMarketingIsAllowed() {
        keywords.handle(text(OWN, "STOP"));

        Consent store = consent("c-3").fromStore(null, true, null);

        assertThat(store.smsMarketing()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", " Unstop "})
    void startKeyword_restoresSmsMarketing_ofEveryCustomerWithTheNumber(String body) {
        // given
        keywords.handle(text(SHARED, "STOP"));

        // when
        SmsKeywords.Action action = keywords.handle(text(SHARED, body));

        // then
        assertThat(action).isEqualTo(SmsKeywords.Action.OPTED_IN);
        assertThat(consent("c-1").smsMarketing()).isTrue();
        assertThat(consent("c-2").smsMarketing()).isTrue();
        assertThat(consent("c-1").withdrawnByCustomer()).isEmpty();
        assertThat(events.published()).hasSize(4);
    }

    @Test
    void start_takesTheNumberOffTheProvidersOptOutList_whereItsStopPutIt() {
        // given: the provider opted the number out when STOP reached it
        optOuts.optOut(OWN);
        keywords.handle(text(OWN, "STOP"));

        // when
        keywords.handle(text(OWN, "START"));

        // then
        assertThat(optOuts.optIns()).isEqualTo(1);
        assertThat(optOuts.isOptedOut(OWN)).isFalse();
        assertThat(consent("c-3").smsMarketing()).isTrue();
    }

    @Test
    void start_fromANumberOfNoCustomer_stillTakesItOffTheProvidersList() {
        optOuts.optOut(UNKNOWN);

        SmsKeywords.Action action = keywords.handle(text(UNKNOWN, "UNSTOP"));

        assertThat(action).isEqualTo(SmsKeywords.Action.OPTED_IN);
        assertThat(optOuts.isOptedOut(UNKNOWN)).isFalse();
        assertThat(events.published()).isEmpty();
    }

    @Test
    void start_restoresConsent_evenWhenTheProviderRefusesTheOptIn() {
        optOuts.optOut(OWN).refuseOptIns();
        keywords.handle(text(OWN, "STOP"));

        keywords.handle(text(OWN, "START"));

        assertThat(consent("c-3").smsMarketing()).isTrue();
        assertThat(optOuts.optIns()).isEqualTo(1);
        assertThat(optOuts.isOptedOut(OWN)).as("texts to it stay skipped, with the reason").isTrue();
    }

    @Test
    void stop_neverAsksTheProviderToOptIn() {
        optOuts.optOut(OWN);

        keywords.handle(text(OWN, "STOP"));

        assertThat(optOuts.optIns()).isZero();
        assertThat(optOuts.isOptedOut(OWN)).isTrue();
    }

    @Test
    void start_fromACustomerWhoNeverAgreedToMarketingTexts_doesNotOptThemIn() {
        // given: c-4 shares the number, takes order texts, and never agreed to marketing texts
        customers.saveProfile(Fixtures.profile("c-4").phone(SHARED).consent(true, false, true).build(), 0);
        keywords.handle(text(SHARED, "STOP"));

        // when: START, to have the order texts back
        keywords.handle(text(SHARED, "START"));

        // then: START restores what STOP withdrew, and grants nothing more; c-4's STOP was recorded
        // (so the store could not turn marketing texts on) and START lifted it
        assertThat(consent("c-4").smsMarketing()).isFalse();
        assertThat(consent("c-4").withdrawnByCustomer()).isEmpty();
        assertThat(consent("c-1").smsMarketing()).isTrue();
        assertThat(events.published()).extracting(e -> e.detail().get("customerId"))
                .containsExactly("c-1", "c-2", "c-4", "c-1", "c-2", "c-4");
    }

    @Test
    void start_restoresMarketingTexts_thatTheCustomerTurnedOffOnThePreferencePage() {
        CustomerProfile profile = customers.profile("c-3").orElseThrow();
        customers.saveProfile(profile.withConsent(profile.consent().withSmsMarketing(false), NOW)
                .withVersion(profile.version() + 1), profile.version());

        keywords.handle(text(OWN, "START"));

        assertThat(consent("c-3").smsMarketing()).isTrue();
        assertThat(consent("c-3").withdrawnByCustomer()).isEmpty();
    }

    @Test
    void help_repliesWithTheHelpText_inTheLanguageOfTheNumbersCustomer() {
        // given
        customers.saveProfile(Fixtures.profile("c-ko").phone("+821012345678").locale("ko-KR").build(), 0);

        // when
        SmsKeywords.Action action = keywords.handle(new InboundSms("in-7", "+821012345678", " help ", NOW));

        // then
        assertThat(action).isEqualTo(SmsKeywords.Action.HELPED);
        assertThat(sms.messages()).singleElement().satisfies(reply -> {
            assertThat(reply.to()).isEqualTo("+821012345678");
            assertThat(reply.body()).isEqualTo(KOREAN_HELP);
            assertThat(reply.kind()).isEqualTo(MessageKind.TRANSACTIONAL);
            assertThat(reply.journeyId()).isEqualTo("sms-help");
            assertThat(reply.messageId()).isEqualTo(MessageId.of("sms-help", "reply", "sms", "in-7"));
        });
        assertThat(events.published()).isEmpty();
    }

    @Test
    void help_fromASharedNumber_speaksTheFirstCustomersLanguage() {
        keywords.handle(text(SHARED, "HELP"));

        assertThat(sms.last().body()).isEqualTo(ENGLISH_HELP);
        assertThat(sms.last().to()).isEqualTo(SHARED);
    }

    @Test
    void help_fromAnUnknownNumber_isAnsweredInTheStoresDefaultLanguage() {
        StoreSettings s = Fixtures.STORE;
        SmsKeywords korean = keywords(new StoreSettings(s.name(), s.url(), s.supportEmail(), s.postalAddress(),
                s.fromAddress(), s.subscribeUrl(), s.preferencesUrl(), ZoneId.of("Asia/Seoul"), "ko-KR",
                s.unsubscribeMailto()));

        SmsKeywords.Action english = keywords.handle(text(UNKNOWN, "HELP"));
        SmsKeywords.Action inKorean = korean.handle(text(UNKNOWN, "help"));

        assertThat(english).isEqualTo(SmsKeywords.Action.HELPED);
        assertThat(inKorean).isEqualTo(SmsKeywords.Action.HELPED);
        assertThat(sms.messages()).extracting(SmsMessage::body).containsExactly(ENGLISH_HELP, KOREAN_HELP);
        assertThat(sms.messages()).extracting(SmsMessage::to).containsOnly(UNKNOWN);
    }

    @Test
    void stopOrStart_fromAnUnknownNumber_changesNothing_andRepliesNothing() {
        SmsKeywords.Action stop = keywords.handle(text(UNKNOWN, "STOP"));
        SmsKeywords.Action start = keywords.handle(text(UNKNOWN, "START"));

        assertThat(stop).isEqualTo(SmsKeywords.Action.OPTED_OUT);
        assertThat(start).isEqualTo(SmsKeywords.Action.OPTED_IN);
        assertThat(events.published()).isEmpty();
        assertThat(sms.count()).isZero();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Thanks!", "please stop", "STOP IT", "STOPP", "HELP ME", "   "})
    void anyOtherText_isIgnored(String body) {
        CustomerProfile before = customers.profile("c-1").orElseThrow();

        SmsKeywords.Action action = keywords.handle(text(SHARED, body));

        assertThat(action).isEqualTo(SmsKeywords.Action.IGNORED);
        assertThat(customers.profile("c-1")).contains(before);
        assertThat(events.published()).isEmpty();
        assertThat(sms.count()).isZero();
    }

    @Test
    void keyword_isUpperCased_trimmed_andItsInnerSpacesCollapsed() {
        assertThat(SmsKeywords.keyword("  stop \t all\n")).isEqualTo("STOP ALL");
        assertThat(SmsKeywords.keyword(null)).isEmpty();
    }
}
