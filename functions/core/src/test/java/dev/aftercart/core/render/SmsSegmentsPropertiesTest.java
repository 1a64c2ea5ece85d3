package dev.aftercart.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SmsSegmentsPropertiesTest {

    @Property
    void segments_holdEveryUnit_andAreTheFewestThatDo(@ForAll("bodies") String body) {
        // when
        SmsSegments.Count count = SmsSegments.count(body);

        // then
        SmsEncoding encoding = count.encoding();
        int units = count.units();
        int segments = count.segments();
        if (segments == 0) {
            assertThat(units).isZero();
        } else if (segments == 1) {
            assertThat(units).isBetween(1, encoding.singleSegmentCapacity());
        } else {
            assertThat(units).isGreaterThan(encoding.singleSegmentCapacity());
            assertThat(segments * encoding.multipartSegmentCapacity()).isGreaterThanOrEqualTo(units);
            assertThat((segments - 1) * encoding.multipartSegmentCapacity()).isLessThan(units);
        }
    }

    @Property
    void units_areUtf16CodeUnitsInUcs2_andAtLeastOnePerCharacterInGsm7(@ForAll("bodies") String body) {
        SmsSegments.Count count = SmsSegments.count(body);

        if (count.encoding() == SmsEncoding.UCS2) {
            assertThat(count.units()).isEqualTo(body.length());
        } else {
            assertThat(count.units()).isBetween(body.length(), 2 * body.length());
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<Character> gsm = Arbitraries.chars().with("abcXYZ 0123456789.,!?@£$éΔ\n");
        Arbitrary<Character> extension = Arbitraries.chars().with("^{}\\[]~|€");
        Arbitrary<String> mostlyGsm = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, gsm), net.jqwik.api.Tuple.of(3, extension))
                .list().ofMaxSize(400).map(SmsSegmentsPropertiesTest::join);
        Arbitrary<String> anyText = Arbitraries.strings()
                .withChars("abc €").withCharRange('가', '힣').withCharRange('ก', '๙').withChars("😀".toCharArray())
                .ofMaxLength(300);
        return Arbitraries.oneOf(mostlyGsm, anyText);
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder sb = new StringBuilder(chars.size());
        chars.forEach(sb::append);
        return sb.toString();
    }
}
