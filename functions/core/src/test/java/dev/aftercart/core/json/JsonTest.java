package dev.aftercart.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void parse_readsObjectsInMemberOrder_arraysAndLiterals() {
        // given
        String text = " {\"z\": [1, \"two\", true, false, null], \"a\": {\"nested\": {}}} ";

        // when
        Map<String, Object> parsed = Json.parseObject(text);

        // then
        assertThat(parsed.keySet()).containsExactly("z", "a");
        assertThat(parsed.get("z")).isEqualTo(Arrays.asList(new BigDecimal("1"), "two", true, false, null));
        assertThat(parsed.get("a")).isEqualTo(Map.of("nested", Map.of()));
    }

    @Test
    void write_thenParse_givesTheSameTree() {
        // given
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("text", "quote \" backslash \\ tab \t newline \n 한국어 ไทย 😀");
        tree.put("amount", new BigDecimal("79.00"));
        tree.put("list", Arrays.asList(new BigDecimal("-0.5"), null, true, List.of()));
        tree.put("empty", Map.of());

        // when
        Object back = Json.parse(Json.write(tree));

        // then
        assertThat(back).isEqualTo(tree);
    }

    @Test
    void parse_keepsNumbersAsExactBigDecimals() {
        // when
        Map<String, Object> parsed = Json.parseObject("{\"price\": 79.10, \"tiny\": 0.1, \"huge\": 1e400, \"big\": 12345678901234567890}");

        // then: the scale survives and nothing went through a double
        assertThat(parsed.get("price")).isEqualTo(new BigDecimal("79.10"));
        assertThat(parsed.get("tiny")).isEqualTo(new BigDecimal("0.1"));
        assertThat(parsed.get("huge")).isEqualTo(new BigDecimal("1e400"));
        assertThat(parsed.get("big")).isEqualTo(new BigDecimal("12345678901234567890"));
    }

    @Test
    void parse_rejectsDuplicateMemberNames() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1, \"b\": 2, \"a\": 3}"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("duplicate member");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{} x", "{}{}", "[1] ]", "true false", "\"a\" \"b\""})
    void parse_rejectsTextAfterTheValue(String text) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("unexpected text after the JSON value");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\"\\x\"", "\"\\u12G4\"", "\"\\u12\"", "\"\\'\"", "\"\\u０041\""})
    void parse_rejectsBadEscapes(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void parse_readsUnicodeEscapesIncludingSurrogatePairs() {
        assertThat(Json.parse("\"\\u00e9\\ud83d\\ude00\\/\"")).isEqualTo("é😀/");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\"tab\there\"", "\"line\nbreak\"", "\"unterminated", "{\"a\" 1}", "{a: 1}", "[1,]",
            "{\"a\":1,}", "tru", "True", "nul", "", "   ", "'single'"})
    void parse_rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"01", "-", "1.", ".5", "+1", "1e", "1e+", "-01", "0x10", "NaN", "Infinity"})
    void parse_rejectsNumbersOutsideTheGrammar(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void parse_rejectsAnExponentBigDecimalCannotHold_asJsonException() {
        // An attacker-sized exponent must be bad input, not an unexpected NumberFormatException.
        assertThatThrownBy(() -> Json.parse("{\"n\": 1e99999999999}")).isInstanceOf(JsonException.class);
    }

    @Test
    void parse_acceptsModestNesting() {
        String text = "[".repeat(32) + "]".repeat(32);

        assertThat(Json.parse(text)).isInstanceOf(List.class);
    }

    @Test
    void parse_rejectsDeepNesting_withoutOverflowingTheStack() {
        String text = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting deeper than");
    }

    @Test
    void parseObject_rejectsAnyOtherTopLevelValue() {
        assertThatThrownBy(() -> Json.parseObject("[{}]"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void error_namesTheOffset_butNeverTheContent() {
        // given a value that would be personal data
        String text = "{\"email\": \"zephyrine.quill@example.com\" \"phone\": 1}";

        // then
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("at offset 40")
                .hasMessageNotContaining("zephyrine");
    }

    @Test
    void write_escapesLineAndParagraphSeparators_soOutputIsSafeInJavaScript() {
        assertThat(Json.write("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
    }

    @Test
    void write_escapesControlCharacters() {
        assertThat(Json.write("\u0000\u001f\b\f\n\r\t")).isEqualTo("\"\\u0000\\u001f\\b\\f\\n\\r\\t\"");
    }

    @Test
    void write_writesNumbersPlain_neverInExponentForm() {
        assertThat(Json.write(List.of(new BigDecimal("1E+3"), 42, 7L, new BigDecimal("0.000001"))))
                .isEqualTo("[1000,42,7,0.000001]");
    }
}
