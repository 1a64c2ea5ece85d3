package dev.aftercart.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailTagsTest {

    /** SES v2 MessageTag: letters, digits, underscore and dash only, at most 256. */
    private static final String SES_ALLOWS = "[A-Za-z0-9_-]{1,256}";

    @ParameterizedTest
    @ValueSource(strings = {"cus-1001", "C_42", "0123456789abcdefABCDEF"})
    void encode_keepsAValueSesAccepts_asItIs(String id) {
        assertThat(EmailTags.encode(id)).isEqualTo(id).matches(SES_ALLOWS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cus.42", "jane@shop.example", "gid://shop/Customer/7", "고객-1", "b64-looks-encoded",
            "with space"})
    void encode_turnsAnyOtherValueIntoOneSesAccepts_andDecodeGivesItBack(String id) {
        String tag = EmailTags.encode(id);

        assertThat(tag).startsWith("b64-").matches(SES_ALLOWS);
        assertThat(EmailTags.decode(tag)).isEqualTo(id);
    }

    @Test
    void encode_givesNoTag_forAnIdTooLongToTagEvenEncoded() {
        String longest = "é".repeat(94);
        String tooLong = "é".repeat(95);

        assertThat(EmailTags.encode(longest)).hasSizeLessThanOrEqualTo(256).matches(SES_ALLOWS);
        assertThat(EmailTags.encode(tooLong)).isNull();
        assertThat(EmailTags.encode("a".repeat(256))).hasSize(256);
    }

    @Test
    void decode_leavesAPlainOrMalformedValueAsItIs() {
        assertThat(EmailTags.decode("cus-1001")).isEqualTo("cus-1001");
        assertThat(EmailTags.decode("b64-***")).isEqualTo("b64-***");
        assertThat(EmailTags.decode(null)).isNull();
    }
}
