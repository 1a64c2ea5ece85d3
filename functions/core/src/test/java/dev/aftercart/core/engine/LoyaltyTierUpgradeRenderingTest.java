package dev.aftercart.core.engine;

import static dev.aftercart.core.engine.CoffeeShop.Language.EN;
import static dev.aftercart.core.engine.CoffeeShop.Language.KO;
import static dev.aftercart.core.engine.CoffeeShop.Language.TH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.render.EmailMessage;
import org.junit.jupiter.api.Test;

/**
 * Congratulations on reaching a higher tier, with the points balance. A VIP tier ({@code vipTiers}
 * in policies.json) is recognised as VIP; another tier is not.
 */
class LoyaltyTierUpgradeRenderingTest {

    private final CoffeeShop shop = new CoffeeShop();

    private EmailMessage upgrade(CoffeeShop.Language language, String tier, long points) {
        return shop.message("loyalty-tier-upgrade", "congratulate", language).loyalty(true, tier, points).email();
    }

    @Test
    void english_congratulates_namesTheTier_andStatesTheBalance() {
        // when
        EmailMessage email = upgrade(EN, "silver", 1250);

        // then
        assertThat(email.subject()).isEqualTo("Congratulations, Emma! You're now a silver member");
        assertThat(email.text())
                .startsWith("Congratulations, Emma!\n\nYou've reached silver in the Aftercart Demo loyalty programme. "
                        + "Thank you for every order that brought you here.\n")
                .contains("Your tier: silver\nPoints balance: 1,250 points\n")
                .contains("Use your points at https://shop.example\n")
                .doesNotContain("VIP");
        assertThat(email.html()).contains("<strong>1,250 points</strong>")
                .contains("<span style=\"text-transform:capitalize\">silver</span>");
    }

    @Test
    void aVipTier_isRecognisedAsVip() {
        EmailMessage email = upgrade(EN, "gold", 1250);

        assertThat(email.subject()).isEqualTo("[VIP] Congratulations, Emma! You're now a gold member");
        assertThat(email.text()).contains("That makes you one of our VIP members");
    }

    @Test
    void korean_congratulates_withTheBalance() {
        EmailMessage email = upgrade(KO, "gold", 1250);

        assertThat(email.subject()).isEqualTo("[VIP] [Aftercart Demo] 축하합니다! gold 등급이 되셨어요");
        assertThat(email.text()).startsWith("민준님, 축하합니다!\n\nAftercart Demo 멤버십 gold 등급이 되셨어요.")
                .contains("이제 VIP 고객님이세요.")
                .contains("등급: gold\n보유 포인트: 1,250포인트\n");
    }

    @Test
    void thai_congratulates_withTheBalance() {
        EmailMessage email = upgrade(TH, "silver", 1250);

        assertThat(email.subject()).isEqualTo("Aftercart Demo: ยินดีด้วย คุณเป็นสมาชิกระดับ silver แล้ว");
        assertThat(email.text()).startsWith("ยินดีด้วย คุณสมชาย!\n\nคุณได้เลื่อนเป็นสมาชิกระดับ silver")
                .contains("ระดับสมาชิก: silver\nคะแนนสะสม: 1,250 คะแนน\n")
                .doesNotContain("VIP");
    }
}
