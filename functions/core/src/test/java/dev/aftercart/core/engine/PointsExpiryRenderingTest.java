package dev.aftercart.core.engine;

import static dev.aftercart.core.engine.CoffeeShop.Language.EN;
import static dev.aftercart.core.engine.CoffeeShop.Language.KO;
import static dev.aftercart.core.engine.CoffeeShop.Language.TH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.engine.CoffeeShop.Language;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.SmsEncoding;
import dev.aftercart.core.render.SmsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Points about to expire, 30 days before ("warning") and 7 days before ("last-chance"), by email and
 * SMS: each states exactly how many points expire and on which date, in the customer's language
 * and calendar. The customer has 1,250 points: 300 expire on 24 December 2026, 200 more at the end
 * of January; the messages are about the 300.
 */
class PointsExpiryRenderingTest {

    private final CoffeeShop shop = new CoffeeShop();

    private CoffeeShop.Message reminder(Language language, String step) {
        return shop.message("points-expiry", step, language).loyalty(true, "silver", 1250)
                .expiring(300, CoffeeShop.POINTS_EXPIRE).expiring(200, CoffeeShop.LATER_POINTS_EXPIRE);
    }

    @Test
    void english_warning_statesThePointsAndTheDate() {
        // when
        CoffeeShop.Message message = reminder(EN, "warning");
        EmailMessage email = message.email();

        // then
        assertThat(email.subject()).isEqualTo("300 of your Aftercart Demo points expire on December 24, 2026");
        assertThat(email.text())
                .startsWith("Hi Emma,\n\nYour points expire on December 24, 2026\n\n"
                        + "A friendly heads-up: 300 points in your Aftercart Demo account expire on December 24, 2026.")
                .contains("Expiring: 300 points\nExpiry date: December 24, 2026\nYour balance today: 1,250 points\n")
                .doesNotContain("200 points", "January", "Last chance");
        assertThat(email.html()).contains("<strong>300 points</strong>").contains("<strong>December 24, 2026</strong>");
        assertThat(message.sms().body()).isEqualTo("Aftercart Demo: 300 of your points expire on December 24, 2026. "
                + "Use them at https://shop.example before then. Reply STOP to opt out.");
    }

    @Test
    void english_lastChance_saysSo_andStatesThePointsAndTheDate() {
        CoffeeShop.Message message = reminder(EN, "last-chance");
        EmailMessage email = message.email();

        assertThat(email.subject()).isEqualTo("Last chance: 300 points expire on December 24, 2026");
        assertThat(email.text()).contains("Last chance to use your points\n\n300 points in your Aftercart Demo account "
                + "expire on December 24, 2026. After that they're gone for good, and this is the last reminder")
                .doesNotContain("heads-up");
        assertThat(message.sms().body()).isEqualTo("Aftercart Demo: Last chance! 300 points expire on December 24, 2026. "
                + "Use them at https://shop.example before they're gone. Reply STOP to opt out.");
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            KO | warning     | [Aftercart Demo] 300포인트가 2026년 12월 24일에 소멸될 예정이에요
            KO | last-chance | [Aftercart Demo] 마지막 안내: 300포인트가 2026년 12월 24일에 소멸돼요
            TH | warning     | Aftercart Demo: คะแนน 300 คะแนนของคุณจะหมดอายุวันที่ 24 ธันวาคม 2569
            TH | last-chance | Aftercart Demo: โอกาสสุดท้าย คะแนน 300 คะแนนจะหมดอายุวันที่ 24 ธันวาคม 2569
            """)
    void koreanAndThai_stateThePointsAndTheDate_inTheirCalendar(Language language, String step, String subject) {
        // when
        CoffeeShop.Message message = reminder(language, step);
        EmailMessage email = message.email();

        // then: Thai dates count in the Buddhist era, 2026 being 2569
        String date = language == KO ? "2026년 12월 24일" : "24 ธันวาคม 2569";
        String points = language == KO ? "300포인트" : "300 คะแนน";
        assertThat(email.subject()).isEqualTo(subject);
        assertThat(email.text()).contains(points).contains(date).contains(language == KO ? "1,250포인트" : "1,250 คะแนน");
        assertThat(message.sms().body()).contains(language == KO ? "300포인트" : "คะแนน 300 คะแนน").contains(date)
                .contains("https://shop.example");
    }

    @Test
    void warningAndLastChance_readDifferently_inEveryLanguage() {
        for (Language language : Language.values()) {
            assertThat(reminder(language, "warning").email().text()).isNotEqualTo(reminder(language, "last-chance").email().text());
            assertThat(reminder(language, "warning").sms().body()).isNotEqualTo(reminder(language, "last-chance").sms().body());
        }
    }

    /**
     * What each text costs, pinned so a wording change that adds a segment is a decision. English is
     * GSM-7 (160 septets in one segment), with the opt-out a marketing text needs; Korean and Thai are
     * UCS-2 (70 units in one, 67 a segment when split), where the date and the link alone take half.
     */
    @ParameterizedTest(name = "[{index}] {0} {1}: {2} segment(s)")
    @CsvSource(delimiter = '|', textBlock = """
            EN | warning     | 1
            EN | last-chance | 1
            KO | warning     | 2
            KO | last-chance | 2
            TH | warning     | 2
            TH | last-chance | 2
            """)
    void sms_segments(Language language, String step, int segments) {
        SmsMessage sms = reminder(language, step).sms();

        assertThat(sms.encoding()).isEqualTo(language == EN ? SmsEncoding.GSM7 : SmsEncoding.UCS2);
        assertThat(sms.segments()).as(sms.body()).isEqualTo(segments);
    }
}
