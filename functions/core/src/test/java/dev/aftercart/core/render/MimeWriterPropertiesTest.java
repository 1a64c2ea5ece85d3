package dev.aftercart.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.testing.MimeReader;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MimeWriterPropertiesTest {

    private static MimeReader.Message written(String subject, String text) {
        EmailMessage message = new EmailMessage("m1", "orders@shop.example", "Aftercart Demo", "a@example.com",
                subject, "<p>x</p>", text, Map.of(), Map.of());
        return MimeReader.read(MimeWriter.write(message, Instant.parse("2026-11-20T10:00:00Z")));
    }

    @Property(tries = 300)
    void body_decodesBackToTheExactText_inLinesOf76AtMost(@ForAll("unicode") String text) {
        // when
        MimeReader.Message mime = written("s", text);

        // then: line ends are CRLF on the wire; everything else is byte for byte
        String expected = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        assertThat(mime.part("text/plain").text()).isEqualTo(expected);
        assertThat(mime.part("text/plain").rawBody().split("\r\n", -1))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    }

    @Property(tries = 300)
    void body_isInTheSmallerEncoding_withinTheEstimatesSlack(@ForAll("unicode") String text) {
        // when
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        int quotedPrintable = MimeWriter.quotedPrintable(lines).length();
        int base64 = MimeWriter.base64(lines).length();

        // then: the estimate ignores line breaks, so near the tie either may win by a few percent
        int chosen = MimeWriter.prefersBase64(lines) ? base64 : quotedPrintable;
        assertThat(chosen).isLessThanOrEqualTo((int) (Math.min(quotedPrintable, base64) * 1.06) + 6);
    }

    @Property(tries = 300)
    void subject_decodesBackToTheSameText_withLineBreaksAsSpaces(@ForAll("unicode") String subject) {
        // when
        MimeReader.Message mime = written(subject, "t");

        // then: CR, LF and tab runs become one space and the ends are trimmed; nothing else changes
        assertThat(mime.decodedHeader("Subject")).isEqualTo(subject.replaceAll("[\\r\\n\\t]+", " ").strip());
        assertThat(mime.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
    }

    /** Any Unicode text, as whole code points (a lone surrogate is not text), biased towards awkward ones. */
    @Provide
    Arbitrary<String> unicode() {
        Arbitrary<Integer> awkward = Arbitraries.of((int) ' ', (int) '\t', (int) '\r', (int) '\n', (int) '=', (int) '?',
                (int) '_', 0x2028, 0x00A0, (int) '.', (int) '-');
        Arbitrary<Integer> scripts = Arbitraries.oneOf(
                Arbitraries.integers().between(0x20, 0x7e),
                Arbitraries.integers().between(0xAC00, 0xD7A3),
                Arbitraries.integers().between(0x0E01, 0x0E5B),
                Arbitraries.integers().between(0x1F600, 0x1F64F));
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, awkward), net.jqwik.api.Tuple.of(5, scripts), net.jqwik.api.Tuple.of(2, any));
        return codePoint.list().ofMaxSize(300).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }
}
