package dev.aftercart.core.engine;

import static dev.aftercart.core.engine.CoffeeShop.Language.EN;
import static dev.aftercart.core.engine.CoffeeShop.Language.KO;
import static dev.aftercart.core.engine.CoffeeShop.Language.TH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.render.EmailMessage;
import org.junit.jupiter.api.Test;

/**
 * The thank-you on a loyal customer's milestone order (the fifth, as journeys.json ships it; the
 * words never say which, so a store can move or copy the milestone). Warm, and no promotion.
 */
class MilestoneThanksRenderingTest {

    private final CoffeeShop shop = new CoffeeShop();

    private EmailMessage thanks(CoffeeShop.Language language) {
        return shop.message("fifth-order-thanks", "thanks", language).order("coffee", "brewing").email();
    }

    @Test
    void english_thanksWarmly_andInvitesFeedback() {
        EmailMessage email = thanks(EN);

        assertThat(email.subject()).isEqualTo("Thank you for coming back to Aftercart Demo, Emma");
        assertThat(email.text())
                .startsWith("Hi Emma,\n\nThank you for sticking with us\n\nWe've just received your order #1001, "
                        + "and it reminded us how many times you've chosen Aftercart Demo.")
                .contains("Thank you for trusting us with your orders.\n")
                .contains("Write to us at help@shop.example: we read every message.")
                .contains("With warm thanks,\nThe Aftercart Demo team");
    }

    @Test
    void promotesNothing_evenWithSomethingToCrossSell() {
        shop.sells(EN, "P-2002", "Paper Filters, 100 pack", "brewing", "8.00");
        shop.catalog.boughtTogether("P-1001", "P-2002", 12);

        EmailMessage email = thanks(EN);

        assertThat(email.text()).doesNotContain("Paper Filters", "$", "% off", "discount");
        assertThat(email.html()).doesNotContain("Paper Filters", "$");
    }

    @Test
    void vipMember_isThankedForTheirTier() {
        EmailMessage email = shop.message("fifth-order-thanks", "thanks", EN).order("coffee").loyalty(true, "gold", 900)
                .email();

        assertThat(email.subject()).startsWith("[VIP] ");
        assertThat(email.text()).contains("Thank you for trusting us with your orders, and for being one of our gold members.");
    }

    @Test
    void korean_thanksWarmly() {
        EmailMessage email = thanks(KO);

        assertThat(email.subject()).isEqualTo("[Aftercart Demo] 민준님, 늘 찾아 주셔서 감사합니다");
        assertThat(email.text()).contains("방금 주문 #1003 접수를 확인하며, 그동안 저희를 여러 번 찾아 주셨다는 걸 새삼 느꼈어요.")
                .contains("감사한 마음을 담아,\nAftercart Demo 드림");
    }

    @Test
    void thai_thanksWarmly() {
        EmailMessage email = thanks(TH);

        assertThat(email.subject()).isEqualTo("Aftercart Demo: ขอบคุณที่กลับมาอุดหนุนเราเสมอ คุณสมชาย");
        assertThat(email.text()).contains("เราเพิ่งได้รับคำสั่งซื้อ #1005 ของคุณ และทำให้นึกได้ว่าคุณเลือก Aftercart Demo มาแล้วหลายครั้ง")
                .contains("ด้วยความขอบคุณ\nทีมงาน Aftercart Demo");
    }
}
