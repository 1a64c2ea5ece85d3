package dev.aftercart.core.engine;

import static dev.aftercart.core.engine.CoffeeShop.Language.EN;
import static dev.aftercart.core.engine.CoffeeShop.Language.KO;
import static dev.aftercart.core.engine.CoffeeShop.Language.TH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.engine.CoffeeShop.Language;
import dev.aftercart.core.render.EmailMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The invitation a happy reviewer who is not yet a member gets a day later: thanks for the review,
 * an invitation to the loyalty and referral programme, and, only when the review has no photo, a
 * short request for one in the same email (never a message of its own).
 */
class LoyaltyInvitationRenderingTest {

    /** Each language's photo request, as the text part words it. */
    private static final Map<Language, String> PHOTO_REQUEST = Map.of(
            EN, "One small favour: would you add a photo to your review?",
            KO, "부탁 하나 드려도 될까요? 후기에 사진을 한 장 더해 주시면",
            TH, "ขอรบกวนอีกนิด ช่วยเพิ่มรูปถ่ายในรีวิวของคุณได้ไหม");

    private final CoffeeShop shop = new CoffeeShop();

    private EmailMessage invitation(Language language, int rating, boolean hasMedia) {
        return shop.message("loyalty-invitation", "invite", language).order("coffee").review(rating, hasMedia).email();
    }

    @Test
    void english_thanksForTheReview_andInvitesToTheProgramme_linkingToTheShop() {
        // when
        EmailMessage email = invitation(EN, 5, true);

        // then
        assertThat(email.subject()).isEqualTo("Thank you for your review: you're invited to our loyalty programme");
        assertThat(email.text())
                .startsWith("Hi Emma,\n\nThank you for your review\n\n★★★★★\n\n"
                        + "We're so glad you're enjoying your Ethiopia Yirgacheffe Coffee Beans 250 g.")
                .contains("we'd love you to join the Aftercart Demo loyalty programme. Members collect points on every "
                        + "order to spend on the next one, and are rewarded when friends they refer place their first order.")
                .contains("Join the programme: https://shop.example\n")
                .contains("because you agreed to hear from Aftercart Demo by email");
        assertThat(email.html())
                .contains("aria-label=\"5 out of 5 stars\">★★★★★</p>")
                .contains("<a href=\"https://shop.example\" style=\"display:inline-block;")
                .contains(">Join the programme</a>");
    }

    @Test
    void fourStars_showFourOfFive() {
        EmailMessage email = invitation(EN, 4, true);

        assertThat(email.text()).contains("\n★★★★☆\n");
        assertThat(email.html()).contains("aria-label=\"4 out of 5 stars\">★★★★☆</p>");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void withoutAPhoto_asksForOne_inTheSameEmail_linkingToTheProduct(Language language) {
        // when
        EmailMessage email = invitation(language, 5, false);

        // then
        String productUrl = language.line("coffee").url();
        assertThat(email.text()).contains(PHOTO_REQUEST.get(language)).contains(": " + productUrl + "\n");
        assertThat(email.html()).contains("<a href=\"" + productUrl + "\" style=\"color:#222222\">");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void withAPhoto_asksForNothingMore(Language language) {
        EmailMessage email = invitation(language, 5, true);

        String productUrl = language.line("coffee").url();
        assertThat(email.text()).doesNotContain(PHOTO_REQUEST.get(language), productUrl);
        assertThat(email.html()).doesNotContain(productUrl + "\"");
    }

    @Test
    void photoRequest_linksToTheShop_whenTheProductHasNoPage() {
        EmailMessage email = shop.message("loyalty-invitation", "invite", EN).order("coffee").bare().review(5, false)
                .email();

        assertThat(email.text()).contains(PHOTO_REQUEST.get(EN)).contains("Add a photo: https://shop.example\n");
    }

    @Test
    void korean_thanksAndInvites() {
        EmailMessage email = invitation(KO, 5, true);

        assertThat(email.subject()).isEqualTo("[Aftercart Demo] 소중한 후기 감사합니다. 멤버십에 초대해요");
        assertThat(email.text())
                .contains("콜롬비아 우일라 원두 1 kg, 마음에 드셨다니 정말 기뻐요.")
                .contains("감사의 마음을 담아 Aftercart Demo 멤버십에 초대해요.")
                .contains("멤버십 가입하기: https://shop.example\n");
        assertThat(email.html()).contains("aria-label=\"별점 5점 만점에 5점\"");
    }

    @Test
    void thai_thanksAndInvites() {
        EmailMessage email = invitation(TH, 5, true);

        assertThat(email.subject()).isEqualTo("Aftercart Demo: ขอบคุณสำหรับรีวิว และขอเชิญคุณร่วมโปรแกรมสมาชิก");
        assertThat(email.text())
                .contains("ดีใจมากที่คุณชอบ เมล็ดกาแฟดีแคฟ 250 ก.")
                .contains("เราอยากชวนคุณร่วมโปรแกรมสมาชิกของ Aftercart Demo")
                .contains("สมัครสมาชิก: https://shop.example\n");
    }
}
