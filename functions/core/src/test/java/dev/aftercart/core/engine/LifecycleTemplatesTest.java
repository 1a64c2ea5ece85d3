package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.engine.CoffeeShop.Language;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.ReturnStatus;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.MimeWriter;
import dev.aftercart.core.render.SmsEncoding;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.MimeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every part of every template for reviews, returns, loyalty, subscriptions, replenishment, the
 * milestone thank-you and the category tips renders, in every shipped language, for every step and
 * status, with every optional detail given or left out. A template naming a variable the model
 * lacks fails here (jmustache throws), not at send time as a {@code render_error}. The composer is
 * called directly, as the dispatcher calls it once every policy has passed.
 */
class LifecycleTemplatesTest {

    /** The words each language's marketing emails close with, saying why the customer gets them. */
    private static final Map<String, String> MARKETING_NOTE = Map.of(
            "en", "because you agreed to hear from Aftercart Demo by email",
            "ko", "Aftercart Demo의 이메일 수신에 동의하셔서",
            "th", "เพราะยินยอมรับอีเมลจาก Aftercart Demo");

    /** One message a journey can send: its template (or variant), step and the state it is about. */
    record Scenario(String template, String journey, String step, String shape,
            BiFunction<CoffeeShop, Language, CoffeeShop.Message> message) {
        @Override
        public String toString() {
            return template + " " + step + ", " + shape;
        }
    }

    private static final List<Scenario> SCENARIOS = scenarios();

    private static List<Scenario> scenarios() {
        List<Scenario> s = new ArrayList<>();
        s.add(new Scenario("review-recovery", "review-recovery", "apology", "1 star, with its order",
                (shop, l) -> shop.message("review-recovery", "apology", l).order("brewing", "coffee").review(1, false)));
        s.add(new Scenario("review-recovery", "review-recovery", "apology", "2 stars, no order",
                (shop, l) -> shop.message("review-recovery", "apology", l).order("brewing").withoutOrder().review(2, true)));
        s.add(new Scenario("loyalty-invitation", "loyalty-invitation", "invite", "5 stars, no photo",
                (shop, l) -> shop.message("loyalty-invitation", "invite", l).order("coffee").review(5, false)));
        s.add(new Scenario("loyalty-invitation", "loyalty-invitation", "invite", "4 stars with a photo",
                (shop, l) -> shop.message("loyalty-invitation", "invite", l).order("coffee").review(4, true)));
        for (ReturnStatus status : ReturnStatus.values()) {
            s.add(new Scenario("return-update", "return-updates", "notice", status.id() + " with a refund amount",
                    (shop, l) -> shop.message("return-updates", "notice", l).order("coffee", "brewing")
                            .returned(status, refund(l))));
        }
        s.add(new Scenario("return-update", "return-updates", "notice", "refunded, no amount",
                (shop, l) -> shop.message("return-updates", "notice", l).order("coffee").returned(ReturnStatus.REFUNDED,
                        null)));
        s.add(new Scenario("loyalty-tier-upgrade", "loyalty-tier-upgrade", "congratulate", "gold (VIP)",
                (shop, l) -> shop.message("loyalty-tier-upgrade", "congratulate", l).loyalty(true, "gold", 1250)));
        s.add(new Scenario("loyalty-tier-upgrade", "loyalty-tier-upgrade", "congratulate", "silver",
                (shop, l) -> shop.message("loyalty-tier-upgrade", "congratulate", l).loyalty(true, "silver", 400)));
        for (String step : List.of("warning", "last-chance")) {
            s.add(new Scenario("points-expiry", "points-expiry", step, "two expiries",
                    (shop, l) -> shop.message("points-expiry", step, l).loyalty(true, "silver", 1250)
                            .expiring(300, CoffeeShop.POINTS_EXPIRE).expiring(200, CoffeeShop.LATER_POINTS_EXPIRE)));
        }
        s.add(new Scenario("subscription-reminder", "subscription-reminder", "reminder", "amount and manage link",
                (shop, l) -> shop.message("subscription-reminder", "reminder", l)
                        .subscription(refund(l), CoffeeShop.MANAGE_URL)));
        s.add(new Scenario("subscription-reminder", "subscription-reminder", "reminder", "no amount, no manage link",
                (shop, l) -> shop.message("subscription-reminder", "reminder", l).subscription(null, null)));
        s.add(new Scenario("replenishment", "replenishment", "reminder", "with something that goes well with it",
                (shop, l) -> {
                    shop.sells(l, "P-2002", "Paper Filters, 100 pack", "brewing", refund(l));
                    shop.catalog.boughtTogether(l.line("coffee").productId(), "P-2002", 3);
                    return shop.message("replenishment", "reminder", l).order("coffee");
                }));
        s.add(new Scenario("replenishment", "replenishment", "reminder", "nothing to recommend",
                (shop, l) -> shop.message("replenishment", "reminder", l).order("coffee")));
        s.add(new Scenario("milestone-thanks", "fifth-order-thanks", "thanks", "VIP",
                (shop, l) -> shop.message("fifth-order-thanks", "thanks", l).order("coffee", "brewing")
                        .loyalty(true, "gold", 900)));
        s.add(new Scenario("milestone-thanks", "fifth-order-thanks", "thanks", "not a member",
                (shop, l) -> shop.message("fifth-order-thanks", "thanks", l).order("coffee")));
        for (String category : List.of("coffee", "brewing", "accessories", CoffeeShop.UNKNOWN_CATEGORY)) {
            String template = category.equals(CoffeeShop.UNKNOWN_CATEGORY) ? "product-tips" : "product-tips." + category;
            s.add(new Scenario(template, "product-tips", "tips", category + " first",
                    (shop, l) -> shop.message("product-tips", "tips", l).order(category, "brewing")));
        }
        return s;
    }

    /** An amount in each language's currency: the refund, the subscription charge, a recommendation's price. */
    private static String refund(Language language) {
        return switch (language) {
            case EN -> "36.00";
            case KO -> "72000";
            case TH -> "520.00";
        };
    }

    static Stream<Arguments> everyScenario() {
        List<Arguments> cases = new ArrayList<>();
        for (Scenario scenario : SCENARIOS) {
            for (Language language : Language.values()) {
                for (boolean bare : List.of(false, true)) {
                    cases.add(Arguments.of(language, scenario, bare));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {1} {0} bare={2}")
    @MethodSource("everyScenario")
    void everyPart_renders_inTheCustomersLanguage(Language language, Scenario scenario, boolean bare) {
        // given
        CoffeeShop shop = new CoffeeShop();
        CoffeeShop.Message message = scenario.message().apply(shop, language);
        if (bare) {
            message.bare();
        }
        Journey journey = message.journey();
        List<Channel> channels = journey.step(scenario.step()).channels();
        assertThat(channels).as("the step sends by email or SMS").containsAnyOf(Channel.EMAIL, Channel.SMS);

        // when / then
        if (channels.contains(Channel.EMAIL)) {
            EmailMessage email = message.email();
            assertThat(email.subject()).isNotBlank().doesNotContain("{{", "}}", "&amp;", "&lt;", "&#39;");
            assertThat(email.html()).contains("<html lang=\"" + language.language + "\">", "</html>")
                    .contains(Fixtures.STORE.postalAddress()).doesNotContain("{{", "}}");
            assertThat(email.text()).contains(Fixtures.STORE.postalAddress())
                    .doesNotContain("{{", "}}", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x3D;");
            if (journey.kind() == MessageKind.MARKETING) {
                assertThat(email.text()).contains(MARKETING_NOTE.get(language.language));
            } else {
                assertThat(email.text()).doesNotContain(MARKETING_NOTE.get(language.language));
            }
            if (bare) {
                assertThat(email.text()).doesNotContain(language.firstName);
                for (LineItem line : orderedLines(language)) {
                    assertThat(email.text()).doesNotContain(line.url());
                    assertThat(email.html()).doesNotContain(line.imageUrl());
                }
            }
            assertWritesAsMime(email);
        }
        if (channels.contains(Channel.SMS)) {
            SmsMessage sms = message.sms();
            assertThat(sms.body()).isNotBlank().doesNotContain("\n", "{{", "}}", "&amp;");
            if (language == Language.EN) {
                // English texts stay one GSM-7 segment: no curly quotes or dashes turn them into UCS-2
                assertThat(sms.encoding()).as(sms.body()).isEqualTo(SmsEncoding.GSM7);
                assertThat(sms.segments()).as(sms.body()).isEqualTo(1);
            } else {
                // Korean and Thai are UCS-2, 70 units a segment (67 when split): two at most
                assertThat(sms.encoding()).as(sms.body()).isEqualTo(SmsEncoding.UCS2);
                assertThat(sms.segments()).as(sms.body()).isLessThanOrEqualTo(2);
            }
        }
    }

    /** Every product line a scenario can name, so a bare message is checked for none of their links. */
    private static List<LineItem> orderedLines(Language language) {
        return Stream.of("coffee", "brewing", "accessories", CoffeeShop.UNKNOWN_CATEGORY).map(language::line).toList();
    }

    /** SES is handed the email as MIME: it must read back as composed, within the 998-octet line limit. */
    private static void assertWritesAsMime(EmailMessage email) {
        MimeReader.Message mime = MimeReader.read(MimeWriter.write(email, CoffeeShop.NOW));
        assertThat(mime.decodedHeader("Subject")).isEqualTo(email.subject());
        assertThat(mime.part("text/html").text()).isEqualTo(email.html().replace("\n", "\r\n"));
        assertThat(mime.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
    }
}
