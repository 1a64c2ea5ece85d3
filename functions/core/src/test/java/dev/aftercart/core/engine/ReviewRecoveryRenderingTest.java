package dev.aftercart.core.engine;

import static dev.aftercart.core.engine.CoffeeShop.Language.EN;
import static dev.aftercart.core.engine.CoffeeShop.Language.KO;
import static dev.aftercart.core.engine.CoffeeShop.Language.TH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.render.EmailMessage;
import org.junit.jupiter.api.Test;

/**
 * The apology after a rating of 2 or lower: sincere, about the product reviewed, with the support
 * contact, the order when there is one, and what happens next (a person gets in touch). It
 * promotes nothing: no recommendations, no mailing-list offer, no prices.
 */
class ReviewRecoveryRenderingTest {

    private final CoffeeShop shop = new CoffeeShop();

    private CoffeeShop.Message apology(CoffeeShop.Language language) {
        return shop.message("review-recovery", "apology", language).order("brewing", "coffee").review(1, false);
    }

    @Test
    void english_apologises_forTheProduct_withTheOrderAndSupportContact_andSaysAPersonWillBeInTouch() {
        // when
        EmailMessage email = apology(EN).email();

        // then
        assertThat(email.subject()).isEqualTo("We're sorry your Ceramic Pour-Over Dripper let you down");
        assertThat(email.text())
                .startsWith("Hi Emma,\n\nWe're sorry, and we want to put it right\n\n")
                .contains("Thank you for your honest review of your Ceramic Pour-Over Dripper from order #1001. "
                        + "We're truly sorry it fell short of what you expected.")
                .contains("What happens next\n\nA member of our customer care team will read your review personally "
                        + "and get in touch with you soon.")
                .contains("If you'd rather not wait, write to us at help@shop.example and mention order #1001.")
                .contains("With our apologies,\nThe Aftercart Demo team");
        assertThat(email.html())
                .contains("your <strong>Ceramic Pour-Over Dripper</strong> from order <strong>#1001</strong>")
                .contains("<a href=\"mailto:help@shop.example\" style=\"color:#222222\">help@shop.example</a> "
                        + "and mention order #1001.");
    }

    @Test
    void withoutAnOrder_namesTheProductFromTheCatalog_andLeavesTheOrderOut() {
        // given: a review of a product bought elsewhere, so no order to refer to
        CoffeeShop.Message message = shop.message("review-recovery", "apology", EN).order("brewing").withoutOrder()
                .review(2, false);

        // when
        EmailMessage email = message.email();

        // then
        assertThat(email.subject()).isEqualTo("We're sorry your Ceramic Pour-Over Dripper let you down");
        assertThat(email.text())
                .contains("Thank you for your honest review of your Ceramic Pour-Over Dripper. We're truly sorry")
                .contains("write to us at help@shop.example.\n")
                .doesNotContain("order #", "#1001");
    }

    @Test
    void promotesNothing_evenWithSomethingToCrossSell_andNoMarketingConsent() {
        // given: filters are often bought with the dripper, and the customer never joined the mailing list
        shop.sells(EN, "P-2002", "Paper Filters, 100 pack", "brewing", "8.00");
        shop.catalog.boughtTogether("P-2001", "P-2002", 12);
        CoffeeShop.Message message = apology(EN).withoutEmailMarketingConsent();

        // when
        EmailMessage email = message.email();

        // then: no other product, no prices, no offers, no "you agreed to hear from us"
        assertThat(email.text()).doesNotContain("Paper Filters", "$", "mailing list", "subscribe", "agreed to hear");
        assertThat(email.html()).doesNotContain("Paper Filters", "P-2002", "$", "shop.example/subscribe");
    }

    @Test
    void escapesTheProductNameInHtml_andKeepsItReadableInText() {
        CoffeeShop.Message message = shop.message("review-recovery", "apology", EN).order("brewing")
                .named("Dripper <b>\"Pro\"</b> & Co").review(1, false);

        EmailMessage email = message.email();

        assertThat(email.html()).contains("<strong>Dripper &lt;b&gt;&quot;Pro&quot;&lt;/b&gt; &amp; Co</strong>")
                .doesNotContain("<b>\"Pro\"");
        assertThat(email.text()).contains("review of your Dripper <b>\"Pro\"</b> & Co from order #1001.");
        assertThat(email.subject()).isEqualTo("We're sorry your Dripper <b>\"Pro\"</b> & Co let you down");
    }

    @Test
    void korean_apologises_withTheOrderAndSupportContact() {
        EmailMessage email = apology(KO).email();

        assertThat(email.subject()).isEqualTo("[Aftercart Demo] 세라믹 핸드드립 드리퍼 이용에 불편을 드려 죄송합니다");
        assertThat(email.text())
                .startsWith("민준님, 안녕하세요.\n\n불편을 드려 진심으로 죄송합니다\n\n")
                .contains("주문 #1003의 세라믹 핸드드립 드리퍼에 솔직한 후기를 남겨 주셔서 감사합니다.")
                .contains("고객지원팀 담당자가 남겨 주신 후기를 직접 읽고 곧 연락드리겠습니다.")
                .contains("주문 번호(#1003)와 함께 help@shop.example로 문의해 주세요.")
                .contains("다시 한번 사과드리며,\nAftercart Demo 드림");
    }

    @Test
    void thai_apologises_withTheOrderAndSupportContact() {
        EmailMessage email = apology(TH).email();

        assertThat(email.subject()).isEqualTo("Aftercart Demo: ขออภัยที่ เครื่องบดกาแฟแบบเฟืองกรวย ไม่เป็นอย่างที่คุณคาดหวัง");
        assertThat(email.text())
                .startsWith("สวัสดีคุณสมชาย\n\nขออภัยเป็นอย่างยิ่ง และเราอยากแก้ไขให้ดีขึ้น\n\n")
                .contains("ขอบคุณที่รีวิว เครื่องบดกาแฟแบบเฟืองกรวย จากคำสั่งซื้อ #1005 อย่างตรงไปตรงมา")
                .contains("เจ้าหน้าที่ฝ่ายดูแลลูกค้าจะอ่านรีวิวของคุณด้วยตัวเอง และติดต่อกลับในเร็วๆ นี้")
                .contains("ติดต่อเราได้ที่ help@shop.example พร้อมแจ้งหมายเลขคำสั่งซื้อ #1005")
                .contains("ทีมงาน Aftercart Demo");
    }
}
