package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Deliveries.EN;
import static dev.aftercart.core.testing.Deliveries.KO;
import static dev.aftercart.core.testing.Deliveries.TH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.testing.Deliveries;
import dev.aftercart.core.testing.EngineHarness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the customer reads two days after delivery: tips for getting value from what arrived, naming
 * the products, in each shipped language. It is help, not a promotion. The customers agreed to
 * marketing email at checkout.
 */
class ProductTipsRenderingTest {

    private static final String DELIVERED = "2026-11-23T11:00:00Z";

    private final EngineHarness harness = EngineHarness.create();
    private final Deliveries deliveries = new Deliveries(harness);

    private EmailMessage tips(Deliveries.Shop shop) {
        deliveries.placeOrderWithMarketingConsent(shop.order());
        deliveries.ship(shop, "delivered", DELIVERED);
        assertThat(deliveries.sendScheduledEmail(shop.customerId(), "product-tips", "tips"))
                .isInstanceOf(MessageOutcome.Sent.class);
        return harness.email.last();
    }

    @Test
    void english_namesTheProducts_andGivesCareGettingStartedAndHelpTips() {
        // when
        EmailMessage email = tips(EN);

        // then: two days after delivery, at 10:00 in London
        assertThat(harness.clock.instant()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(email.subject()).isEqualTo("Getting the most from your Trail Running Shoe and Merino Socks");
        assertThat(email.text())
                .startsWith("Hi Zephyrine,\n\nGetting the most from what arrived\n")
                .contains("- Trail Running Shoe\n  Product details and care: https://shop.example/p/p-100\n"
                        + "- Merino Socks\n  Product details and care: https://shop.example/p/p-200\n")
                .contains("1. Read the label or quick-start guide first.")
                .contains("2. Ease in.")
                .contains("3. Keep the packaging and receipt for now.")
                .contains("5. Help is close. Each product page has details and care notes. For anything else, write to us "
                        + "at help@shop.example with your order number, #1001.")
                .contains("use the preferences link at the bottom of this email");
        assertThat(email.html())
                .contains("<img src=\"https://shop.example/img/p-100.jpg\" alt=\"Trail Running Shoe\"")
                .contains("<a href=\"https://shop.example/p/p-100\" style=\"color:#222222\">Product details and care</a>")
                .contains("<a href=\"mailto:help@shop.example\"");
    }

    @Test
    void isNotAPromotion_evenWhenThereIsSomethingToCrossSell() {
        // given: gaiters are often bought with the shoe, so an order confirmation would recommend them
        harness.catalog.saveProduct(new Product("p-900", "Trail Gaiters", "accessories", "https://shop.example/p/p-900",
                null, Money.of("24.00", "USD"), null, null, true, Instant.parse("2026-11-01T00:00:00Z")));
        harness.catalog.boughtTogether("p-100", "p-900", 12);

        // when
        EmailMessage email = tips(EN);

        // then: no other product, no prices, no offers
        assertThat(email.text()).doesNotContain("Trail Gaiters", "$", "on sale", "% off", "discount", "shop.example/subscribe");
        assertThat(email.html()).doesNotContain("Trail Gaiters", "p-900", "$");
    }

    @Test
    void leavesOutAProductThatWasSentBack() {
        deliveries.placeOrderWithMarketingConsent(EN.order());
        deliveries.ship(EN, "delivered", DELIVERED);
        deliveries.returned(EN.customerId(), EN.orderId(), "p-100");

        deliveries.sendScheduledEmail(EN.customerId(), "product-tips", "tips");

        EmailMessage email = harness.email.last();
        assertThat(email.subject()).isEqualTo("Getting the most from your Merino Socks");
        assertThat(email.text()).contains("- Merino Socks\n").doesNotContain("Trail Running Shoe");
    }

    @Test
    void korean_namesTheProducts_andGivesTheTips() {
        EmailMessage email = tips(KO);

        assertThat(email.subject()).isEqualTo("[Aftercart Demo] 무선 이어폰, 이어팁 세트 잘 쓰는 팁");
        assertThat(email.text())
                .startsWith("지민님, 안녕하세요.\n\n새로 받은 상품, 더 잘 쓰는 법\n")
                .contains("광고가 아니라, 오래도록 잘 쓰시는 데 도움이 될 몇 가지 팁을 모았어요.")
                .contains("- 무선 이어폰\n  상품 정보·관리 방법: https://shop.example/p/p-300\n")
                .contains("1. 라벨이나 설명서부터 확인하세요.")
                .contains("그 밖의 문의는 주문 번호(#2001)와 함께 help@shop.example로 보내 주세요.");
        assertThat(email.text()).doesNotContain("₩");
    }

    @Test
    void thai_namesTheProducts_andGivesTheTips() {
        EmailMessage email = tips(TH);

        assertThat(email.subject()).isEqualTo("Aftercart Demo: เคล็ดลับใช้ เสื่อโยคะ และ ขวดน้ำ ให้คุ้มค่า");
        assertThat(email.text())
                .startsWith("สวัสดีคุณสมชาย\n\nใช้สินค้าใหม่ให้คุ้มค่าที่สุด\n")
                .contains("อีเมลนี้ไม่ใช่โปรโมชัน")
                .contains("- เสื่อโยคะ\n  รายละเอียดสินค้าและวิธีดูแล: https://shop.example/p/p-400\n")
                .contains("1. อ่านป้ายหรือคู่มือก่อนใช้")
                .contains("ส่งอีเมลถึงเราที่ help@shop.example พร้อมแจ้งหมายเลขคำสั่งซื้อ #3001");
        assertThat(email.text()).doesNotContain("฿");
    }
}
