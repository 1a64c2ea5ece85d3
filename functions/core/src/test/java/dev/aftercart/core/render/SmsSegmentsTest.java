package dev.aftercart.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.journey.MessageKind;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    private static SmsSegments.Count count(String body) {
        return SmsSegments.count(body);
    }

    @Test
    void gsm7_fits160CharactersInOneSegment() {
        assertThat(count("a".repeat(160))).isEqualTo(new SmsSegments.Count(SmsEncoding.GSM7, 160, 1));
    }

    @Test
    void gsm7_splitsInto153SeptetParts_past160() {
        assertThat(count("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(count("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(count("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void gsm7_countsEveryExtensionCharacterAsTwoSeptets_includingTheEuroSign() {
        // given: ^ { } \ [ ] ~ | € and form feed live in the extension table, behind an escape
        assertThat(count("^{}\\[]~|€\f")).isEqualTo(new SmsSegments.Count(SmsEncoding.GSM7, 20, 1));
        assertThat(count("€".repeat(80))).isEqualTo(new SmsSegments.Count(SmsEncoding.GSM7, 160, 1));
        assertThat(count("€".repeat(81))).isEqualTo(new SmsSegments.Count(SmsEncoding.GSM7, 162, 2));
    }

    @Test
    void gsm7_coversItsBasicTable_includingGreekAndAccentedLetters() {
        assertThat(count("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà").encoding()).isEqualTo(SmsEncoding.GSM7);
    }

    @Test
    void ucs2_fits70UnitsInOneSegment_then67PerPart() {
        assertThat(count("가".repeat(70))).isEqualTo(new SmsSegments.Count(SmsEncoding.UCS2, 70, 1));
        assertThat(count("가".repeat(71)).segments()).isEqualTo(2);
        assertThat(count("가".repeat(134)).segments()).isEqualTo(2);
        assertThat(count("가".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void koreanAndThai_areUcs2() {
        assertThat(count("주문 접수 완료").encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(count("ยืนยันแล้ว").encoding()).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void oneCharacterOutsideGsm7_turnsTheWholeMessageUcs2() {
        // given: 100 GSM characters would be one segment; one won sign makes it 101 UCS-2 units
        assertThat(count("a".repeat(100) + "₩")).isEqualTo(new SmsSegments.Count(SmsEncoding.UCS2, 101, 2));
    }

    @Test
    void surrogatePairs_countAsTwoUnits() {
        assertThat(count("😀")).isEqualTo(new SmsSegments.Count(SmsEncoding.UCS2, 2, 1));
        assertThat(count("😀".repeat(35)).segments()).isEqualTo(1);
        assertThat(count("😀".repeat(36))).isEqualTo(new SmsSegments.Count(SmsEncoding.UCS2, 72, 2));
    }

    @Test
    void emptyBody_isZeroSegments() {
        assertThat(count("")).isEqualTo(new SmsSegments.Count(SmsEncoding.GSM7, 0, 0));
    }

    @Test
    void smsMessage_carriesTheCountOfItsBody() {
        SmsMessage sms = SmsMessage.of("m-1", "order-confirmation", "+14155550123", "가".repeat(71), MessageKind.TRANSACTIONAL);

        assertThat(sms.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(sms.segments()).isEqualTo(2);
    }
}
