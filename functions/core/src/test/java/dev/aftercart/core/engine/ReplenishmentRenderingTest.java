package dev.aftercart.core.engine;

import static dev.aftercart.core.engine.CoffeeShop.Language.EN;
import static dev.aftercart.core.engine.CoffeeShop.Language.KO;
import static dev.aftercart.core.engine.CoffeeShop.Language.TH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.render.EmailMessage;
import org.junit.jupiter.api.Test;

/**
 * The reminder when a product is about to run out: time to restock it, a link to reorder it, and
 * what goes well with it (bought together with it by other customers), never the product itself.
 */
class ReplenishmentRenderingTest {

    private final CoffeeShop shop = new CoffeeShop();

    private EmailMessage reminder(CoffeeShop.Language language) {
        return shop.message("replenishment", "reminder", language).order("coffee").email();
    }

    /** Paper filters are often bought with this customer's beans, and sold in their currency. */
    private void filtersGoWellWithTheBeans(CoffeeShop.Language language, String price) {
        shop.sells(language, "P-2002", "Paper Filters, 100 pack", "brewing", price);
        shop.catalog.boughtTogether(language.line("coffee").productId(), "P-2002", 12);
    }

    @Test
    void english_remindsToRestock_linksToTheProduct_andShowsWhatGoesWellWithIt() {
        // given
        filtersGoWellWithTheBeans(EN, "8.00");

        // when
        EmailMessage email = reminder(EN);

        // then
        assertThat(email.subject()).isEqualTo("Running low on Ethiopia Yirgacheffe Coffee Beans 250 g?");
        assertThat(email.text())
                .startsWith("Hi Emma,\n\nTime to restock?\n\nIt's been a while since your order #1001, so your "
                        + "Ethiopia Yirgacheffe Coffee Beans 250 g may be running low.")
                .contains("Reorder: https://shop.example.com/products/P-1001\n")
                .contains("Goes well with it:\n- Paper Filters, 100 pack $8.00 https://shop.example.com/products/P-2002\n")
                .contains("because you agreed to hear from Aftercart Demo by email");
        assertThat(email.html())
                .contains("<a href=\"https://shop.example.com/products/P-1001\" style=\"display:inline-block;")
                .contains(">Goes well with it</h2>")
                .contains("<a href=\"https://shop.example.com/products/P-2002\" style=\"color:#222222\">"
                        + "Paper Filters, 100 pack</a><br>$8.00</td>");
    }

    @Test
    void withNothingBoughtWithIt_showsNoRecommendationsBlock() {
        EmailMessage email = reminder(EN);

        assertThat(email.text()).doesNotContain("Goes well with");
        assertThat(email.html()).doesNotContain("Goes well with");
    }

    @Test
    void withoutAProductPage_linksToTheShop() {
        EmailMessage email = shop.message("replenishment", "reminder", EN).order("coffee").bare().email();

        assertThat(email.text()).contains("Reorder: https://shop.example\n");
    }

    @Test
    void escapesTheProductNameInHtml() {
        EmailMessage email = shop.message("replenishment", "reminder", EN).order("coffee").named("Beans <Dark> & \"Oily\"")
                .email();

        assertThat(email.html()).contains("<strong>Beans &lt;Dark&gt; &amp; &quot;Oily&quot;</strong>")
                .contains("alt=\"Beans &lt;Dark&gt; &amp; &quot;Oily&quot;\"");
        assertThat(email.subject()).isEqualTo("Running low on Beans <Dark> & \"Oily\"?");
    }

    @Test
    void korean_remindsToRestock_withPricesInWon() {
        filtersGoWellWithTheBeans(KO, "11000");

        EmailMessage email = reminder(KO);

        assertThat(email.subject()).isEqualTo("[Aftercart Demo] 콜롬비아 우일라 원두 1 kg, 다시 채울 때가 되었어요");
        assertThat(email.text()).contains("주문 #1003 이후 시간이 꽤 지났네요. 콜롬비아 우일라 원두 1 kg, 거의 다 쓰셨을 것 같아요.")
                .contains("다시 주문하기: https://shop.example.com/products/P-1002\n")
                .contains("함께 쓰면 좋은 상품:\n- Paper Filters, 100 pack ₩11,000 ");
    }

    @Test
    void thai_remindsToRestock_withPricesInBaht() {
        filtersGoWellWithTheBeans(TH, "190.00");

        EmailMessage email = reminder(TH);

        assertThat(email.subject()).isEqualTo("Aftercart Demo: เมล็ดกาแฟดีแคฟ 250 ก. ใกล้หมดหรือยัง");
        assertThat(email.text()).contains("เมล็ดกาแฟดีแคฟ 250 ก. ของคุณอาจใกล้หมดแล้ว")
                .contains("สั่งซื้ออีกครั้ง: https://shop.example.com/products/P-1003\n")
                .contains("สินค้าที่ใช้คู่กันได้ดี:\n- Paper Filters, 100 pack ฿190.00 ");
    }
}
