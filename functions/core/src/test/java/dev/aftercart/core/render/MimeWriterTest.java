package dev.aftercart.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.testing.MimeReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MimeWriterTest {

    private static final Instant DATE = Instant.parse("2026-11-20T10:00:05Z");

    private static EmailMessage email(String subject, String text, String html, Map<String, String> headers) {
        return new EmailMessage("4ny5czjp4ncvjh5ftuy6vl2z73", "orders@shop.example", "Aftercart Demo",
                "zephyrine.quill@example.com", subject, html, text, headers, Map.of("journey", "order-confirmation"));
    }

    private static EmailMessage email(String subject) {
        return email(subject, "Hello", "<p>Hello</p>", Map.of());
    }

    private static MimeReader.Message written(EmailMessage message) {
        return MimeReader.read(MimeWriter.write(message, DATE));
    }

    @Test
    void write_quotesAFromNameWithSpecials_soItStaysOneMailbox() {
        // given
        EmailMessage message = new EmailMessage("4ny5czjp4ncvjh5ftuy6vl2z73", "orders@shop.example",
                "Acme, \"Home\" Inc.", "zephyrine.quill@example.com", "Hi", "<p>Hi</p>", "Hi", Map.of(), Map.of());

        // when
        MimeReader.Message mime = written(message);

        // then
        assertThat(mime.header("From")).isEqualTo("\"Acme, \\\"Home\\\" Inc.\" <orders@shop.example>");
    }

    @Test
    void write_setsTheEnvelopeHeaders() {
        // when
        MimeReader.Message mime = written(email("Your order is confirmed"));

        // then
        assertThat(mime.header("From")).isEqualTo("Aftercart Demo <orders@shop.example>");
        assertThat(mime.header("To")).isEqualTo("<zephyrine.quill@example.com>");
        assertThat(mime.header("Subject")).isEqualTo("Your order is confirmed");
        assertThat(mime.header("Date")).isEqualTo("Fri, 20 Nov 2026 10:00:05 GMT");
        assertThat(mime.header("Message-ID")).isEqualTo("<4ny5czjp4ncvjh5ftuy6vl2z73@shop.example>");
        assertThat(mime.header("MIME-Version")).isEqualTo("1.0");
        assertThat(mime.header("Content-Type")).startsWith("multipart/alternative; boundary=");
    }

    @Test
    void write_hasATextAndAnHtmlPart_bothUtf8QuotedPrintable() {
        // when
        MimeReader.Message mime = written(email("s", "plain body", "<p>html body</p>", Map.of()));

        // then
        assertThat(mime.parts()).hasSize(2);
        assertThat(mime.parts().get(0).headers()).containsEntry("content-type", "text/plain; charset=UTF-8")
                .containsEntry("content-transfer-encoding", "quoted-printable");
        assertThat(mime.parts().get(1).headers()).containsEntry("content-type", "text/html; charset=UTF-8");
        assertThat(mime.part("text/plain").text()).isEqualTo("plain body");
        assertThat(mime.part("text/html").text()).isEqualTo("<p>html body</p>");
    }

    @Test
    void thaiAndKoreanBodies_areBase64_aboutHalfTheSizeOfQuotedPrintable() {
        // given: an order confirmation's worth of Thai and of Korean, in HTML
        String thai = "<p>" + "ขอบคุณสำหรับคำสั่งซื้อของคุณ เราจะแจ้งให้ทราบเมื่อจัดส่งแล้ว ".repeat(40) + "</p>";
        String korean = "<p>" + "지민님, 주문해 주셔서 감사합니다! 배송이 시작되면 알려 드릴게요. ".repeat(40) + "</p>";

        for (String html : List.of(thai, korean)) {
            // when
            MimeReader.Message mime = written(email("s", html, html, Map.of()));

            // then
            MimeReader.Part part = mime.part("text/html");
            assertThat(part.headers()).containsEntry("content-transfer-encoding", "base64");
            assertThat(part.text()).isEqualTo(html);
            assertThat(part.rawBody().split("\r\n", -1)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
            assertThat(part.rawBody().length()).isLessThan(MimeWriter.quotedPrintable(html).length() * 6 / 10);
        }
    }

    @Test
    void englishBody_withAFewAccents_staysQuotedPrintable() {
        String html = "<p>Thanks for your order, Zoë! Your café au lait mug ships on Monday.</p>";

        MimeReader.Message mime = written(email("s", html, html, Map.of()));

        assertThat(mime.part("text/html").headers()).containsEntry("content-transfer-encoding", "quoted-printable");
        assertThat(mime.part("text/html").text()).isEqualTo(html);
    }

    @Test
    void koreanSubject_isEncodedWords_thatDecodeBackExactly() {
        // given
        String subject = "[Aftercart Demo] 주문 #2001 확인 안내";

        // when
        MimeReader.Message mime = written(email(subject));

        // then
        assertThat(mime.header("Subject")).startsWith("=?UTF-8?B?");
        assertThat(mime.decodedHeader("Subject")).isEqualTo(subject);
    }

    @Test
    void longThaiSubject_splitsIntoWordsOf75CharactersAtMost_neverInsideACharacter() {
        // given: Thai is three UTF-8 bytes a character, so 80 of them need several words
        String subject = "ยืนยันคำสั่งซื้อ".repeat(5);

        // when
        MimeReader.Message mime = written(email(subject));

        // then: each word decodes strictly on its own, so none holds part of a character
        var words = MimeReader.encodedWords(mime.header("Subject"));
        assertThat(words).hasSizeGreaterThan(1).allSatisfy(word -> {
            assertThat(word.length()).isLessThanOrEqualTo(75);
            MimeReader.decodeHeader(word);
        });
        assertThat(mime.decodedHeader("Subject")).isEqualTo(subject);
    }

    @Test
    void longEncodedSubject_isFoldedBetweenWords_soNoLinePasses998() {
        // given: 400 Korean characters are 1,200 bytes, some 27 encoded words
        String subject = "주문확인".repeat(100);

        // when
        MimeReader.Message mime = written(email(subject));

        // then
        assertThat(mime.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
        assertThat(mime.lines()).filteredOn(line -> line.startsWith(" =?UTF-8?B?")).isNotEmpty();
        assertThat(mime.decodedHeader("Subject")).isEqualTo(subject);
    }

    @Test
    void body_linesAreAtMost76Characters_andDecodeBackExactly() {
        // given: long lines, trailing spaces and tabs, '=' signs, multi-byte text
        String text = "a".repeat(200) + "\r\n"
                + "trailing spaces   \r\n"
                + "trailing tab\t\r\n"
                + "1+1=2 and =41 is not A\r\n"
                + "지민님, 주문해 주셔서 감사합니다! ".repeat(8) + "\r\n"
                + "ขอบคุณสำหรับคำสั่งซื้อ".repeat(6) + "\r\n"
                + "\r\n"
                + ".\r\n"
                + "ends with a space ";

        // when
        MimeReader.Message mime = written(email("s", text, "<p>" + text + "</p>", Map.of()));

        // then
        for (MimeReader.Part part : mime.parts()) {
            assertThat(part.rawBody().split("\r\n", -1)).allSatisfy(line -> {
                assertThat(line.length()).isLessThanOrEqualTo(76);
                assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t");
            });
        }
        assertThat(mime.part("text/plain").text()).isEqualTo(text);
        assertThat(mime.part("text/html").text()).isEqualTo("<p>" + text + "</p>");
    }

    @Test
    void body_bareLineFeeds_becomeCrLf() {
        MimeReader.Message mime = written(email("s", "one\ntwo\rthree", "<p/>", Map.of()));

        assertThat(mime.part("text/plain").text()).isEqualTo("one\r\ntwo\r\nthree");
    }

    @Test
    void crLfInTheSubject_cannotInjectAHeader() {
        // given
        String subject = "Hello\r\nBcc: victim@example.com\r\n\r\nforged body";

        // when
        MimeReader.Message mime = written(email(subject));

        // then
        assertThat(mime.headers("Bcc")).isEmpty();
        assertThat(mime.decodedHeader("Subject")).isEqualTo("Hello Bcc: victim@example.com forged body");
        assertThat(mime.parts()).hasSize(2);
    }

    @Test
    void crLfInTheSenderName_cannotInjectAHeader() {
        // given
        EmailMessage message = new EmailMessage("m1", "orders@shop.example", "Shop\r\nBcc: victim@example.com",
                "zephyrine.quill@example.com", "s", "<p/>", "t", Map.of(), Map.of());

        // when
        MimeReader.Message mime = written(message);

        // then
        assertThat(mime.headers("Bcc")).isEmpty();
    }

    @Test
    void subjectThatLooksLikeAnEncodedWord_isEncoded_soItReadsBackLiterally() {
        String subject = "=?UTF-8?B?SGk=?=";

        assertThat(written(email(subject)).decodedHeader("Subject")).isEqualTo(subject);
    }

    @Test
    void extraHeaders_areWrittenSortedByName() {
        // given
        Map<String, String> headers = Map.of(
                "List-Unsubscribe", "<https://shop.example/u/abc>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        // when
        MimeReader.Message mime = written(email("s", "t", "<p/>", headers));

        // then
        assertThat(mime.header("List-Unsubscribe")).isEqualTo("<https://shop.example/u/abc>");
        assertThat(mime.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void extraHeader_withABadName_isRejected() {
        assertThatThrownBy(() -> MimeWriter.write(email("s", "t", "<p/>", Map.of("Bad Name", "x")), DATE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MimeWriter.write(email("s", "t", "<p/>", Map.of("X-Évil", "x")), DATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extraHeader_withALineBreakOrNonAsciiInItsValue_isRejected() {
        assertThatThrownBy(() -> MimeWriter.write(email("s", "t", "<p/>", Map.of("X-Tag", "a\r\nBcc: x@example.com")), DATE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MimeWriter.write(email("s", "t", "<p/>", Map.of("X-Tag", "지민")), DATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recipientWithALineBreakOrSpace_isRejected() {
        EmailMessage message = new EmailMessage("m1", "orders@shop.example", "Shop", "a@example.com\r\nBcc: b@example.com",
                "s", "<p/>", "t", Map.of(), Map.of());

        assertThatThrownBy(() -> MimeWriter.write(message, DATE)).isInstanceOf(IllegalArgumentException.class);
    }
}
