package dev.aftercart.core.engine;

import static dev.aftercart.core.engine.CoffeeShop.Language.EN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.engine.CoffeeShop.Language;
import dev.aftercart.core.render.EmailMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tips written for the sample shop's categories ({@code product-tips.coffee}, {@code .brewing},
 * {@code .accessories}), chosen by the category of the first product the message is about; any
 * other category gets the generic {@code product-tips}.
 */
class ProductTipsVariantsTest {

    private final CoffeeShop shop = new CoffeeShop();

    private EmailMessage tips(Language language, String... categories) {
        return shop.message("product-tips", "tips", language).order(categories).email();
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            EN | coffee      | Getting the best from your coffee     | 2. Grind just before you brew.                  | 3. Start at 1:16. About 15 g of coffee to 250 ml of water
            EN | brewing     | Keeping your brewing gear in top shape | 1. Rinse paper filters first.                   | 4. Descale regularly.
            EN | accessories | Caring for your coffee accessories    | 3. Be gentle with glass.                        | 2. Descale the kettle.
            KO | coffee      | 원두, 더 맛있게 즐기는 법              | 2. 마시기 직전에 갈아 주세요.                      | 3. 1:16 비율로 시작해 보세요. 물 250ml에 원두 15g 정도
            KO | brewing     | 커피 추출 도구, 이렇게 관리하세요       | 1. 종이 필터는 먼저 적셔 주세요.                   | 4. 정기적으로 물때를 없애 주세요.
            KO | accessories | 커피 도구, 오래 쓰는 관리법            | 3. 유리는 급격한 온도 변화에 약해요.               | 2. 주전자 물때는 구연산으로.
            TH | coffee      | ชงกาแฟให้อร่อยทุกแก้ว                 | 2. บดก่อนชงทุกครั้ง                              | 3. เริ่มที่สัดส่วน 1:16 กาแฟประมาณ 15 กรัมต่อน้ำ 250 มล.
            TH | brewing     | ดูแลอุปกรณ์ชงกาแฟให้พร้อมใช้เสมอ        | 1. ล้างกระดาษกรองด้วยน้ำร้อนก่อน                  | 4. ขจัดคราบหินปูนเป็นประจำ
            TH | accessories | ดูแลอุปกรณ์กาแฟให้อยู่กับคุณนานๆ          | 3. ระวังแก้วกับอุณหภูมิที่เปลี่ยนเร็ว                 | 2. ขจัดคราบหินปูนในกาต้มน้ำ
            """)
    void category_getsItsOwnTips(Language language, String category, String heading, String tip, String another) {
        // when: the order's first product is of the category, the second is brewing gear
        EmailMessage email = tips(language, category, "brewing");

        // then: its own heading and tips, still listing every product and ending with where to get help
        assertThat(email.text()).contains("\n" + heading + "\n").contains("\n" + tip).contains("\n" + another)
                .contains("- " + language.productName(category) + "\n")
                .contains("- " + language.productName("brewing") + "\n")
                .contains("6. ").contains("help@shop.example").contains(language.orderNumber);
        assertThat(email.html()).contains(">" + heading + "</h1>");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void unknownCategory_getsTheGenericTips(Language language) {
        // when
        EmailMessage email = tips(language, CoffeeShop.UNKNOWN_CATEGORY, "coffee");

        // then: the generic five tips, naming every product in the subject as the generic template does
        String generic = switch (language) {
            case EN -> "1. Read the label or quick-start guide first.";
            case KO -> "1. 라벨이나 설명서부터 확인하세요.";
            case TH -> "1. อ่านป้ายหรือคู่มือก่อนใช้";
        };
        assertThat(email.text()).contains(generic).doesNotContain("6. ");
        assertThat(email.subject()).contains(language.productName(CoffeeShop.UNKNOWN_CATEGORY))
                .contains(language.productName("coffee"));
    }

    @Test
    void theFirstProductsCategory_decides() {
        EmailMessage coffeeFirst = tips(EN, "coffee", "accessories");
        EmailMessage kettleFirst = tips(EN, "accessories", "coffee");

        assertThat(coffeeFirst.subject()).isEqualTo("Getting the best from your coffee");
        assertThat(kettleFirst.subject()).isEqualTo("Caring for your coffee accessories");
    }

    @Test
    void english_coffeeTips_areConcreteAboutStorageGrindAndRatio() {
        EmailMessage email = tips(EN, "coffee");

        assertThat(email.text())
                .contains("1. Keep the beans airtight, cool and dark. Squeeze the air out and reseal the bag, or move the "
                        + "beans to an opaque, airtight container at room temperature, away from the stove and sunlight. "
                        + "Skip the fridge: moisture and smells get in.")
                .contains("2. Grind just before you brew. Ground coffee starts losing its aroma within minutes.")
                .contains("3. Start at 1:16. About 15 g of coffee to 250 ml of water, just off the boil (90 to 96 °C).")
                .contains("because you agreed to hear from Aftercart Demo by email")
                .doesNotContain("$");
    }

    @Test
    void escapesProductNamesInHtml() {
        EmailMessage email = shop.message("product-tips", "tips", EN).order("coffee").named("Beans <Dark> & \"Oily\"")
                .email();

        assertThat(email.html()).contains("<strong style=\"font-size:15px\">Beans &lt;Dark&gt; &amp; &quot;Oily&quot;</strong>")
                .doesNotContain("<Dark>");
        assertThat(email.text()).contains("- Beans <Dark> & \"Oily\"\n");
    }
}
