package dev.aftercart.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.testing.Fixtures;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplatesTest {

    /** "greeting" exists in en, ko and ko-KR; "broken" names a variable no model has. */
    private final Templates fixtures = Fixtures.templatesIn("template-fixtures");

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"ko-KR, ko-KR", "ko-KP, ko", "ko, ko", "ja-JP, en", "en-US, en", "'', en"})
    void language_isTheFullTag_thenItsLanguage_thenEnglish(String tag, String expected) {
        assertThat(fixtures.language("greeting", tag)).isEqualTo(expected);
    }

    @Test
    void language_isEnglish_whenTheCustomerHasNoLocale() {
        assertThat(fixtures.language("greeting", null)).isEqualTo("en");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"ko-KR, ko", "th-TH, th", "en-GB, en", "fr-FR, en", "zh-Hant-TW, en"})
    void shippedOrderConfirmation_existsInEnglishKoreanAndThai(String tag, String expected) {
        assertThat(Templates.fromClasspath().language("order-confirmation", tag)).isEqualTo(expected);
    }

    @Test
    void render_escapesValuesInHtmlParts_only() {
        Map<String, Object> model = Map.of("name", "<b>Ada & \"Bob\"</b>");

        assertThat(fixtures.render("greeting", "en", Templates.Part.EMAIL_HTML, model))
                .isEqualTo("<p>Hello &lt;b&gt;Ada &amp; &quot;Bob&quot;&lt;/b&gt;</p>");
        assertThat(fixtures.render("greeting", "en", Templates.Part.SMS, model)).isEqualTo("Hi <b>Ada & \"Bob\"</b>");
    }

    @Test
    void render_missingVariable_isARenderException_namingTheTemplate() {
        // given a model without customer.nickname
        Map<String, Object> model = Map.of("order", Map.of("number", "#1001"), "customer", Map.of());

        // when / then
        assertThatThrownBy(() -> fixtures.render("broken", "en", Templates.Part.SUBJECT, model))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("broken/en/subject.mustache")
                .hasMessageContaining("nickname");
    }

    @Test
    void render_nullVariable_rendersEmpty() {
        Map<String, Object> model = new HashMap<>();
        model.put("name", null);

        assertThat(fixtures.render("greeting", "en", Templates.Part.SMS, model)).isEqualTo("Hi ");
    }

    @Test
    void render_missingTemplate_isARenderException() {
        assertThatThrownBy(() -> fixtures.render("greeting", "ko", Templates.Part.SMS, Map.of("name", "x")))
                .isInstanceOf(RenderException.class)
                .hasMessage("no template greeting/ko/sms.mustache");
    }

    @Test
    void render_partialMissingInTheLanguage_fallsBackToTheEnglishPartial() {
        String text = fixtures.render("greeting", "ko", Templates.Part.EMAIL_TEXT, Map.of("name", "지민", "store", "Demo"));

        assertThat(text).isEqualTo("안녕하세요 지민\n-- Demo");
    }

    @Test
    void has_tellsWhetherALanguageHasAPart() {
        assertThat(fixtures.has("greeting", "ko-KR", Templates.Part.SUBJECT)).isTrue();
        assertThat(fixtures.has("greeting", "ko-KR", Templates.Part.SMS)).isFalse();
    }
}
