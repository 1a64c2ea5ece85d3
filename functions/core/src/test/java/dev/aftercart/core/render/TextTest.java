package dev.aftercart.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void clean_turnsControlCharactersIntoOneSpace_soNoLineBreakSurvives() {
        assertThat(Text.clean("Ada\r\nBcc: x@example.com", 100)).isEqualTo("Ada Bcc: x@example.com");
        assertThat(Text.clean("a\u0000\u0007b", 100)).isEqualTo("a b");
    }

    @Test
    void clean_collapsesWhitespaceRuns_andTrimsBothEnds() {
        assertThat(Text.clean("  Ada \t\u2003 Lovelace\n ", 100)).isEqualTo("Ada Lovelace");
    }

    @Test
    void clean_removesBidiOverridesAndOtherFormatCharacters() {
        // U+202E would make "Ada‮moc.evil" read backwards in the inbox
        assertThat(Text.clean("Ada\u202Egpj.exe", 100)).doesNotContain("\u202E");
    }

    @Test
    void clean_cutsToMax_withoutSplittingASurrogatePair() {
        assertThat(Text.clean("ab😀", 3)).isEqualTo("ab");
        assertThat(Text.clean("ab😀", 4)).isEqualTo("ab😀");
    }

    @Test
    void clean_neverEndsWithASpace_whenTheCutFallsAfterOne() {
        assertThat(Text.clean("ab cd", 3)).isEqualTo("ab");
    }

    @Test
    void clean_keepsKoreanAndThaiIntact() {
        assertThat(Text.clean("지민 สมชาย", 40)).isEqualTo("지민 สมชาย");
    }

    @Test
    void clean_makesNullEmpty() {
        assertThat(Text.clean(null, 10)).isEmpty();
    }
}
