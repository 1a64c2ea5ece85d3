package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Deliveries.EN;
import static dev.aftercart.core.testing.Deliveries.KO;
import static dev.aftercart.core.testing.Deliveries.TH;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.testing.Deliveries;
import dev.aftercart.core.testing.EngineHarness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the customer reads when asked for a review: the review-request journey's request and its one
 * reminder, scheduled from the delivery and sent when due, in each shipped language. The customers
 * agreed to marketing email at checkout; without that nothing would be sent.
 */
class ReviewRequestRenderingTest {

    /** Delivered at 11:00 UTC: the request falls 7 days later (the default usage days), the reminder 5 after that. */
    private static final String DELIVERED = "2026-11-23T11:00:00Z";

    private final EngineHarness harness = EngineHarness.create();
    private final Deliveries deliveries = new Deliveries(harness);

    private void delivered(Deliveries.Shop shop) {
        deliveries.placeOrderWithMarketingConsent(shop.order());
        deliveries.ship(shop, "delivered", DELIVERED);
    }

    private EmailMessage request(Deliveries.Shop shop) {
        assertThat(deliveries.sendScheduledEmail(shop.customerId(), "review-request", "request"))
                .isInstanceOf(MessageOutcome.Sent.class);
        return harness.email.last();
    }

    private EmailMessage reminder(Deliveries.Shop shop) {
        assertThat(deliveries.sendScheduledEmail(shop.customerId(), "review-request", "reminder"))
                .isInstanceOf(MessageOutcome.Sent.class);
        return harness.email.last();
    }

    @Test
    void english_request_listsEachDeliveredProduct_withItsImageNameAndReviewLink() {
        // given
        delivered(EN);

        // when
        EmailMessage email = request(EN);

        // then: sent at 10:00 in London a week after delivery
        assertThat(harness.clock.instant()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(email.subject()).isEqualTo("How are you getting on with your Trail Running Shoe and Merino Socks?");
        assertThat(email.text())
                .startsWith("Hi Zephyrine,\n\nHow are you getting on?\n")
                .contains("Would you take a minute to review what you bought?")
                .contains("- Trail Running Shoe\n  Write a review: https://shop.example/p/p-100\n"
                        + "- Merino Socks\n  Write a review: https://shop.example/p/p-200\n");
        assertThat(email.html())
                .contains("<img src=\"https://shop.example/img/p-100.jpg\" alt=\"Trail Running Shoe\"")
                .contains("<a href=\"https://shop.example/p/p-100\"")
                .contains("<a href=\"https://shop.example/p/p-200\"")
                .contains("<strong style=\"font-size:15px\">Merino Socks</strong>");
        // the socks have no image in the catalog: no broken image for them
        assertThat(email.html().split("<img ", -1)).hasSize(2);
    }

    @Test
    void english_request_pointsToThePreferencesLinkInTheFooter() {
        delivered(EN);

        EmailMessage email = request(EN);

        assertThat(email.text())
                .contains("You're getting this because you agreed to hear from Aftercart Demo by email. To hear from us "
                        + "less, or not at all, use the preferences link at the bottom of this email.")
                .contains("Manage your email and SMS preferences: https://shop.example/preferences/?t=");
        // HTML escapes the "=" of the query as "&#x3D;", which a browser reads back as "=".
        assertThat(email.html()).contains("<a href=\"https://shop.example/preferences/?t&#x3D;");
    }

    @Test
    void english_reminder_hasItsOwnGentlerWording_andSaysItIsTheLastAsk() {
        delivered(EN);
        request(EN);

        EmailMessage email = reminder(EN);

        assertThat(harness.clock.instant()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(email.subject()).isEqualTo("Still have a minute to review your Trail Running Shoe and Merino Socks?");
        assertThat(email.text())
                .contains("Still have a minute?\n\nIn case our last email got buried:")
                .contains("this is the last time we'll ask about these.")
                .contains("- Trail Running Shoe\n  Write a review: https://shop.example/p/p-100")
                .doesNotContain("How are you getting on");
        assertThat(email.html()).contains(">Still have a minute?</h1>").doesNotContain("How are you getting on");
    }

    @Test
    void reminder_leavesOutAProductTheCustomerReviewedMeanwhile() {
        // given: the request went out, then the customer reviewed the shoe
        delivered(EN);
        request(EN);
        deliveries.reviewed(EN.customerId(), "p-100", 5);

        // when
        EmailMessage email = reminder(EN);

        // then
        assertThat(email.subject()).isEqualTo("Still have a minute to review your Merino Socks?");
        assertThat(email.text()).contains("- Merino Socks\n").doesNotContain("Trail Running Shoe");
        assertThat(email.html()).contains("Merino Socks").doesNotContain("Trail Running Shoe", "p-100");
    }

    @Test
    void request_leavesOutAProductThatWasSentBack() {
        delivered(EN);
        deliveries.returned(EN.customerId(), EN.orderId(), "p-200");

        EmailMessage email = request(EN);

        assertThat(email.subject()).isEqualTo("How are you getting on with your Trail Running Shoe?");
        assertThat(email.text()).contains("- Trail Running Shoe\n").doesNotContain("Merino Socks");
    }

    @Test
    void productName_isEscapedInHtml_andReadsAsTypedInSubjectAndText() {
        deliveries.accept(set(set(event(EN.order()), "detail.customer.consent.emailMarketing", true),
                "detail.items[1].name", "Socks <Merino> & Co"));
        deliveries.ship(EN, "delivered", DELIVERED);

        EmailMessage email = request(EN);

        assertThat(email.subject()).endsWith("Trail Running Shoe and Socks <Merino> & Co?");
        assertThat(email.text()).contains("- Socks <Merino> & Co\n");
        assertThat(email.html()).contains(">Socks &lt;Merino&gt; &amp; Co</strong>").doesNotContain("<Merino>");
    }

    @Test
    void korean_requestAndReminder() {
        delivered(KO);

        EmailMessage first = request(KO);
        assertThat(first.subject()).isEqualTo("[Aftercart Demo] 무선 이어폰, 이어팁 세트 사용해 보니 어떠세요?");
        assertThat(first.text())
                .startsWith("지민님, 안녕하세요.\n\n상품은 잘 쓰고 계신가요?\n")
                .contains("잠시 시간을 내어 후기를 남겨 주시겠어요?")
                .contains("- 무선 이어폰\n  후기 쓰기: https://shop.example/p/p-300\n- 이어팁 세트\n  후기 쓰기: https://shop.example/p/p-310\n")
                .contains("메일 하단의 수신 설정 링크를 이용해 주세요.");
        assertThat(first.html()).contains(">후기 쓰기</a>");

        EmailMessage second = reminder(KO);
        assertThat(second.subject()).isEqualTo("[Aftercart Demo] 무선 이어폰, 이어팁 세트 후기를 아직 기다리고 있어요");
        assertThat(second.text())
                .contains("잠깐 시간 괜찮으세요?\n\n지난번 메일이 다른 메일에 묻혔을까 봐 한 번만 더 여쭤봐요.")
                .contains("이번이 마지막이에요.")
                .doesNotContain("상품은 잘 쓰고 계신가요?");
    }

    @Test
    void thai_requestAndReminder() {
        delivered(TH);

        EmailMessage first = request(TH);
        assertThat(first.subject()).isEqualTo("Aftercart Demo: เสื่อโยคะ และ ขวดน้ำ เป็นอย่างไรบ้าง");
        assertThat(first.text())
                .startsWith("สวัสดีคุณสมชาย\n\nใช้สินค้าแล้วเป็นอย่างไรบ้าง\n")
                .contains("ช่วยสละเวลาสักนาทีรีวิวให้เราได้ไหม")
                .contains("- เสื่อโยคะ\n  เขียนรีวิว: https://shop.example/p/p-400\n- ขวดน้ำ\n  เขียนรีวิว: https://shop.example/p/p-410\n")
                .contains("ปรับได้ที่ลิงก์ตั้งค่าด้านล่างของอีเมลนี้");
        assertThat(first.html()).contains(">เขียนรีวิว</a>");

        EmailMessage second = reminder(TH);
        assertThat(second.subject()).isEqualTo("Aftercart Demo: ยังรอฟังความเห็นของคุณเกี่ยวกับ เสื่อโยคะ และ ขวดน้ำ");
        assertThat(second.text())
                .contains("ขอเวลาสักนาทีได้ไหม\n\nเผื่ออีเมลฉบับก่อนหลุดหายไปในกล่องจดหมาย")
                .contains("นี่เป็นครั้งสุดท้ายที่เราจะขอรีวิวสินค้าเหล่านี้")
                .doesNotContain("ใช้สินค้าแล้วเป็นอย่างไรบ้าง");
    }
}
