package dev.aftercart.core.engine;

import static dev.aftercart.core.engine.CoffeeShop.Language.EN;
import static dev.aftercart.core.engine.CoffeeShop.Language.KO;
import static dev.aftercart.core.engine.CoffeeShop.Language.TH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.engine.CoffeeShop.Language;
import dev.aftercart.core.render.SmsEncoding;
import dev.aftercart.core.render.SmsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text three days before a subscription charges: the date, the amount when billing gave one,
 * and where to skip, pause or change it (the store's own page when billing gave no link).
 */
class SubscriptionReminderRenderingTest {

    private final CoffeeShop shop = new CoffeeShop();

    private SmsMessage reminder(Language language, String amount, String manageUrl) {
        return shop.message("subscription-reminder", "reminder", language).subscription(amount, manageUrl).sms();
    }

    @Test
    void english_statesTheDateAndAmount_andTheManageLink() {
        SmsMessage sms = reminder(EN, "36.00", CoffeeShop.MANAGE_URL);

        assertThat(sms.body()).isEqualTo("Aftercart Demo: Your subscription renews on December 4, 2026 for $36.00. "
                + "Skip, pause or change it: https://shop.example/account/subscriptions");
    }

    @Test
    void english_withoutAnAmountOrLink_statesTheDate_andLinksToTheShop() {
        SmsMessage sms = reminder(EN, null, null);

        assertThat(sms.body()).isEqualTo("Aftercart Demo: Your subscription renews on December 4, 2026. "
                + "Skip, pause or change it: https://shop.example");
    }

    @Test
    void korean_statesTheDateAndAmountInWon() {
        assertThat(reminder(KO, "72000", CoffeeShop.MANAGE_URL).body()).isEqualTo("[Aftercart Demo] 정기구독 다음 결제일은 "
                + "2026년 12월 4일이에요(결제 금액 ₩72,000). 건너뛰기·일시정지·변경: https://shop.example/account/subscriptions");
        assertThat(reminder(KO, null, null).body())
                .isEqualTo("[Aftercart Demo] 정기구독 다음 결제일은 2026년 12월 4일이에요. 건너뛰기·일시정지·변경: https://shop.example");
    }

    @Test
    void thai_statesTheDateAndAmountInBaht() {
        assertThat(reminder(TH, "520.00", CoffeeShop.MANAGE_URL).body()).isEqualTo("Aftercart Demo: รอบสั่งซื้อประจำตัดเงิน "
                + "4 ธันวาคม 2569 ยอด ฿520.00 ข้าม พัก หรือแก้ไขได้ที่ https://shop.example/account/subscriptions");
        assertThat(reminder(TH, null, null).body())
                .isEqualTo("Aftercart Demo: รอบสั่งซื้อประจำตัดเงิน 4 ธันวาคม 2569 ข้าม พัก หรือแก้ไขได้ที่ https://shop.example");
    }

    /**
     * What the text costs with an amount and a 42-character manage link, pinned so a wording change
     * that adds a segment is a decision: English one GSM-7 segment (160 septets); Korean and Thai two
     * UCS-2 segments (67 units each when split), Thai with no unit to spare.
     */
    @ParameterizedTest(name = "[{index}] {0}: {2} segment(s)")
    @CsvSource(delimiter = '|', textBlock = """
            EN | 36.00  | 1
            KO | 72000  | 2
            TH | 520.00 | 2
            """)
    void sms_segments(Language language, String amount, int segments) {
        SmsMessage sms = reminder(language, amount, CoffeeShop.MANAGE_URL);

        assertThat(sms.encoding()).isEqualTo(language == EN ? SmsEncoding.GSM7 : SmsEncoding.UCS2);
        assertThat(sms.segments()).as(sms.body()).isEqualTo(segments);
    }
}
