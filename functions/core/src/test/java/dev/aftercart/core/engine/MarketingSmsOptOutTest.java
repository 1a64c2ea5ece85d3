package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.remove;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.event.PointsExpiry;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.policy.SendContext;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Marketing texts say how to stop, in the customer's language, the first time to each number; in
 * Korea every one of them starts with "(광고)". Transactional texts say neither. The message is the
 * points-expiry warning about 300 points expiring on 15 January 2027.
 */
class MarketingSmsOptOutTest {

    private static final Instant AT = Instant.parse("2026-12-16T10:00:00Z");
    private static final String EXPIRES_AT = "2027-01-15T05:00:00Z";
    private static final JourneyCatalog JOURNEYS = JourneyCatalog.fromClasspath();

    private final MessageComposer composer = new MessageComposer(Templates.fromClasspath(), Fixtures.STORE,
            Policies.fromClasspath(), new Recommender(new InMemoryCustomerStore(), new InMemoryCatalog()),
            new InMemoryCatalog(), Fixtures.links());

    private static CustomerProfile customer(String locale, String zone, boolean toldHowToStop) {
        CustomerProfile profile = Fixtures.profile("c-1").locale(locale).timeZone(zone).consent(false, true, true)
                .loyalty(new Loyalty(true, "member", 450, List.of(new PointsExpiry(300, Instant.parse(EXPIRES_AT))), AT))
                .build();
        return toldHowToStop ? toldHowToStopAt(profile, profile.phone()) : profile;
    }

    private static CustomerProfile toldHowToStopAt(CustomerProfile profile, String phone) {
        return profile.withEngagement(profile.engagement().withSmsOptOutExplainedTo(phone));
    }

    private String warning(CustomerProfile profile) {
        Journey journey = JOURNEYS.journey("points-expiry").orElseThrow();
        LedgerEntry message = LedgerEntry.planned("c-1", "m-1", "points-expiry", "warning", Channel.SMS,
                MessageKind.MARKETING, Map.of("expiresAt", EXPIRES_AT), AT, AT);
        return composer.sms(new SendContext(message, journey, journey.step("warning"), profile, null), List.of()).body();
    }

    private String orderConfirmation(CustomerProfile profile) {
        Journey journey = JOURNEYS.journey("order-confirmation").orElseThrow();
        LedgerEntry message = LedgerEntry.planned("c-1", "m-2", "order-confirmation", "confirm", Channel.SMS,
                MessageKind.TRANSACTIONAL, Map.of("orderId", "o-1"), AT, AT);
        return composer.sms(new SendContext(message, journey, journey.step("confirm"), profile,
                Fixtures.order("c-1", "o-1", Fixtures.item("p-1", "무선 이어폰", 1, "79000", "KRW"))), List.of()).body();
    }

    @Test
    void firstEnglishMarketingText_endsWithHowToStop() {
        String body = warning(customer("en-US", "America/New_York", false));

        assertThat(body).isEqualTo("Aftercart Demo: 300 of your points expire on January 15, 2027. "
                + "Use them at https://shop.example before then. Reply STOP to opt out.");
    }

    @Test
    void laterEnglishMarketingText_doesNotRepeatIt() {
        String body = warning(customer("en-US", "America/New_York", true));

        assertThat(body).isEqualTo("Aftercart Demo: 300 of your points expire on January 15, 2027. "
                + "Use them at https://shop.example before then.");
    }

    @Test
    void englishMarketingText_toANewNumber_saysHowToStopAgain() {
        // given: the customer was told how to stop at a number they no longer have
        CustomerProfile profile = toldHowToStopAt(customer("en-US", "America/New_York", false), "+12125550123");

        String body = warning(profile);

        assertThat(profile.phone()).isNotEqualTo("+12125550123");
        assertThat(body).endsWith("before then. Reply STOP to opt out.");
    }

    @Test
    void koreanMarketingText_saysItIsAnAdvertisement_andTheFirstSaysHowToStopForFree() {
        String first = warning(customer("ko-KR", "Asia/Seoul", false));
        String later = warning(customer("ko-KR", "Asia/Seoul", true));

        assertThat(first).startsWith("(광고) [Aftercart Demo] 300포인트가 ").endsWith("https://shop.example 무료수신거부: STOP 회신");
        assertThat(later).startsWith("(광고) [Aftercart Demo] 300포인트가 ").endsWith("https://shop.example")
                .doesNotContain("STOP");
    }

    @Test
    void thaiMarketingText_saysHowToStopInThai() {
        String body = warning(customer("th-TH", "Asia/Bangkok", false));

        assertThat(body).endsWith(" ตอบ STOP เพื่อยกเลิก").doesNotStartWith("(");
    }

    @Test
    void transactionalText_carriesNeitherTheAdvertisementMarkNorHowToStop() {
        String korean = orderConfirmation(customer("ko-KR", "Asia/Seoul", false));
        String english = orderConfirmation(customer("en-US", "America/New_York", false));

        assertThat(korean).doesNotContain("(광고)", "STOP");
        assertThat(english).doesNotContain("STOP");
    }

    @Test
    void dispatcher_recordsThatTheFirstMarketingTextSaidHowToStop_soTheNextDoesNot() {
        // given: a New York customer who agreed to marketing texts joins the loyalty programme
        EngineHarness harness = EngineHarness.create();
        harness.arrive(set(event("policy-order-placed.json"), "detail.customer.consent.smsMarketing", true));
        harness.arrive(event("issue4-loyalty-joined.json"));

        // when: the warning and the last chance fall due
        harness.runUntil(Instant.parse("2027-01-09T00:00:00Z"));

        // then
        List<String> marketing = harness.sms.messages().stream().filter(m -> m.kind() == MessageKind.MARKETING)
                .map(SmsMessage::body).toList();
        assertThat(marketing).hasSize(2);
        assertThat(marketing.get(0)).startsWith("Aftercart Demo: 300 of your points").endsWith(" Reply STOP to opt out.");
        assertThat(marketing.get(1)).startsWith("Aftercart Demo: Last chance!").doesNotContain("STOP");
        assertThat(harness.customers.profile("c-5001").orElseThrow().engagement().smsOptOutExplainedTo())
                .isEqualTo("+12125550123");
    }

    @Test
    void dispatcher_saysHowToStopAgain_whenTheTextThatSaidItWasRefused() {
        // given: the first marketing text, the one that says how to stop, is refused by SNS
        EngineHarness harness = EngineHarness.create();
        harness.arrive(set(event("policy-order-placed.json"), "detail.customer.consent.smsMarketing", true));
        harness.arrive(event("issue4-loyalty-joined.json"));
        int before = harness.sms.count();
        harness.sms.thenRespond(new Delivery.Refused("InvalidParameter", true));

        // when: the warning and the last chance fall due
        harness.runUntil(Instant.parse("2027-01-09T00:00:00Z"));

        // then: the last chance, the first marketing text that reached the number, says it
        List<SmsMessage> marketing = marketingTexts(harness);
        assertThat(harness.sms.messages().subList(before, before + 1)).singleElement()
                .satisfies(refused -> assertThat(refused.kind()).isEqualTo(MessageKind.MARKETING));
        assertThat(marketing).hasSize(2);
        assertThat(marketing.get(0).body()).endsWith(" Reply STOP to opt out.");
        assertThat(marketing.get(1).body()).startsWith("Aftercart Demo: Last chance!").endsWith(" Reply STOP to opt out.");
        assertThat(harness.customers.profile("c-5001").orElseThrow().engagement().smsOptOutExplainedTo())
                .isEqualTo("+12125550123");
    }

    /**
     * The customer's phone as the store reports it changed, by another Customer Updated, with their
     * agreement to marketing texts on the new number (a new number starts without it).
     */
    private static Map<String, Object> newPhone(String phone, String at) {
        Map<String, Object> update = at(event("customer-updated.json"), at);
        set(update, "detail.customer.customerId", "c-5001");
        set(update, "detail.customer.email", "orla.brightwater@example.com");
        set(update, "detail.customer.phone", phone);
        remove(update, "detail.customer.consent");
        return set(update, "detail.customer.consent", Map.of("smsMarketing", true));
    }

    private static List<SmsMessage> marketingTexts(EngineHarness harness) {
        return harness.sms.messages().stream().filter(m -> m.kind() == MessageKind.MARKETING).toList();
    }

    @Test
    void dispatcher_tellsANewNumberHowToStop_once() {
        // given: the warning told +12125550123 how to stop on 16 December; then the customer's phone changed
        EngineHarness harness = EngineHarness.create();
        harness.arrive(set(event("policy-order-placed.json"), "detail.customer.consent.smsMarketing", true));
        harness.arrive(event("issue4-loyalty-joined.json"));
        harness.runUntil(Instant.parse("2026-12-17T00:00:00Z"));
        harness.arrive(newPhone("+12125550199", "2026-12-20T15:00:00Z"));

        // when: the last chance falls due on 8 January; then, the 300 points gone, the warning of the 150 expiring
        // on 31 March falls due on 1 March
        harness.runUntil(Instant.parse("2027-01-09T00:00:00Z"));
        harness.arrive(set(at(event("issue4-loyalty-points-spent.json"), "2027-01-16T15:00:00Z"),
                "detail.change", Map.of("points", BigDecimal.valueOf(-300), "reason", "expired")));
        harness.runUntil(Instant.parse("2027-03-02T00:00:00Z"));

        // then: the first text to the new number says how to stop; the next one to it does not
        List<SmsMessage> marketing = marketingTexts(harness);
        assertThat(marketing).extracting(SmsMessage::to)
                .containsExactly("+12125550123", "+12125550199", "+12125550199");
        assertThat(marketing.get(0).body()).startsWith("Aftercart Demo: 300 of your points")
                .endsWith(" Reply STOP to opt out.");
        assertThat(marketing.get(1).body()).startsWith("Aftercart Demo: Last chance!")
                .endsWith(" Reply STOP to opt out.");
        assertThat(marketing.get(2).body()).startsWith("Aftercart Demo: 150 of your points").doesNotContain("STOP");
        assertThat(harness.customers.profile("c-5001").orElseThrow().engagement().smsOptOutExplainedTo())
                .isEqualTo("+12125550199");
    }

    @Test
    void dispatcher_composesFromTheProfileItCounted_whenThePhoneChangesWhileCounting() {
        // given: the warning told +12125550123 how to stop
        EngineHarness harness = EngineHarness.create();
        harness.arrive(set(event("policy-order-placed.json"), "detail.customer.consent.smsMarketing", true));
        harness.arrive(event("issue4-loyalty-joined.json"));
        harness.runUntil(Instant.parse("2026-12-17T00:00:00Z"));
        LedgerEntry lastChance = harness.entry("c-5001", "points-expiry", "last-chance", Channel.SMS);
        harness.clock.set(lastChance.dueAt());

        // when: another Lambda records a new phone between the last chance's read and its count
        harness.customers.beforeProfileSave(() -> {
            CustomerProfile current = harness.customers.profile("c-5001").orElseThrow();
            CustomerProfile moved = new CustomerProfile(current.customerId(), current.email(), "+12125550199",
                    current.firstName(), current.locale(), current.timeZone(), current.region(), current.consent(),
                    current.suppression(), current.loyalty(), current.engagement(), current.subscriptions(),
                    current.updatedAt(), current.version() + 1);
            assertThat(harness.customers.saveProfile(moved, current.version())).isTrue();
        });
        harness.dispatcher.dispatch(lastChance.customerId(), lastChance.messageId());

        // then: the last chance goes to the new number, saying how to stop, and that number is recorded
        SmsMessage sent = harness.sms.last();
        assertThat(sent.messageId()).isEqualTo(lastChance.messageId());
        assertThat(sent.to()).isEqualTo("+12125550199");
        assertThat(sent.body()).startsWith("Aftercart Demo: Last chance!").endsWith(" Reply STOP to opt out.");
        assertThat(harness.customers.profile("c-5001").orElseThrow().engagement().smsOptOutExplainedTo())
                .isEqualTo("+12125550199");
    }

    @Test
    void dispatcher_givesAKoreanCustomerTheAdvertisementMarkOnEveryMarketingText() {
        EngineHarness harness = EngineHarness.create();
        harness.arrive(set(event("order-placed-ko.json"), "detail.customer.consent.smsMarketing", true));
        harness.arrive(set(event("issue4-loyalty-joined.json"), "detail.customerId", "c-2001"));

        harness.runUntil(Instant.parse("2027-01-09T00:00:00Z"));

        List<String> marketing = harness.sms.messages().stream().filter(m -> m.kind() == MessageKind.MARKETING)
                .map(SmsMessage::body).toList();
        assertThat(marketing).hasSize(2).allMatch(body -> body.startsWith("(광고) "));
        assertThat(marketing.get(0)).endsWith(" 무료수신거부: STOP 회신");
        assertThat(marketing.get(1)).doesNotContain("STOP");
        assertThat(harness.sms.messages()).filteredOn(m -> m.kind() == MessageKind.TRANSACTIONAL)
                .extracting(SmsMessage::body).noneMatch(body -> body.contains("(광고)"));
    }
}
