package dev.aftercart.core.render;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@link EmailMessage} as an RFC 5322 / MIME message: {@code multipart/alternative}
 * with a text and an HTML part, both UTF-8. SES receives exactly these bytes, and the local outbox
 * stores them, so what a developer opens is what a customer would get.
 *
 * <p>Each part is quoted-printable while that is the smaller encoding, which it is for mostly
 * ASCII text, and base64 otherwise: quoted-printable spends three bytes on every byte of Korean or
 * Thai, base64 four on every three. Size matters beyond bandwidth: Gmail clips a message over
 * about 102 KB, hiding what follows, the footer's unsubscribe link among it.
 */
public final class MimeWriter {

    private static final String CRLF = "\r\n";
    private static final int MAX_LINE = 76;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private MimeWriter() {
    }

    public static byte[] write(EmailMessage message, Instant date) {
        String boundary = "=_aftercart_" + message.messageId();
        String domain = message.fromAddress().substring(message.fromAddress().indexOf('@') + 1);
        StringBuilder out = new StringBuilder(message.html().length() + message.text().length() + 1024);
        header(out, "From", mailbox(message.fromName(), message.fromAddress()));
        header(out, "To", "<" + requireAddress(message.to()) + ">");
        header(out, "Subject", encodeWords(message.subject()));
        header(out, "Date", DATE.format(date));
        header(out, "Message-ID", "<" + message.messageId() + "@" + domain + ">");
        for (Map.Entry<String, String> extra : new TreeMap<>(message.headers()).entrySet()) {
            header(out, requireHeaderName(extra.getKey()), requireAscii(extra.getKey(), extra.getValue()));
        }
        header(out, "MIME-Version", "1.0");
        header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
        out.append(CRLF);
        part(out, boundary, "text/plain", message.text());
        part(out, boundary, "text/html", message.html());
        out.append("--").append(boundary).append("--").append(CRLF);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void part(StringBuilder out, String boundary, String type, String body) {
        out.append("--").append(boundary).append(CRLF);
        out.append("Content-Type: ").append(type).append("; charset=UTF-8").append(CRLF);
        String lines = body.replace("\r\n", "\n").replace('\r', '\n');
        if (prefersBase64(lines)) {
            out.append("Content-Transfer-Encoding: base64").append(CRLF).append(CRLF);
            out.append(base64(lines)).append(CRLF);
        } else {
            out.append("Content-Transfer-Encoding: quoted-printable").append(CRLF).append(CRLF);
            out.append(quotedPrintable(lines)).append(CRLF);
        }
    }

    /**
     * Whether base64 is the smaller encoding: quoted-printable adds two bytes per escaped byte,
     * base64 one per three bytes, so base64 wins once more than a sixth of the bytes need escaping.
     */
    static boolean prefersBase64(String text) {
        long bytes = 0;
        long escaped = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
                if (c == '=' || (c < 33 && c != ' ' && c != '\t' && c != '\n')) {
                    escaped++;
                }
            } else {
                // Every byte of a non-ASCII character is escaped: 2 bytes up to U+07FF, 3 to U+FFFF, 4 for a pair.
                int width = c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
                bytes += width;
                escaped += width;
            }
        }
        return escaped * 6 > bytes;
    }

    /** RFC 2045 base64 of the UTF-8 bytes, with the text's line ends as CRLF, in lines of 76. */
    static String base64(String text) {
        byte[] canonical = text.replace("\n", CRLF).getBytes(StandardCharsets.UTF_8);
        return new String(Base64.getMimeEncoder(MAX_LINE, CRLF.getBytes(StandardCharsets.US_ASCII)).encode(canonical),
                StandardCharsets.US_ASCII);
    }

    private static String mailbox(String name, String address) {
        requireAddress(address);
        if (name == null || name.isBlank()) {
            return "<" + address + ">";
        }
        String phrase = encodeWords(name);
        // A plain name with RFC 5322 specials ("Acme, Inc.") must be quoted, or it reads as two mailboxes.
        if (!phrase.startsWith("=?") && phrase.chars().anyMatch(c -> "()<>[]:;@\\,.\"".indexOf(c) >= 0)) {
            phrase = "\"" + phrase.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return phrase + " <" + address + ">";
    }

    private static String requireAddress(String address) {
        if (address.chars().anyMatch(c -> c < 0x21 || c > 0x7e || c == '<' || c == '>' || c == ',')) {
            throw new IllegalArgumentException("an address must be plain ASCII without spaces, <, > or commas");
        }
        return address;
    }

    private static String requireHeaderName(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("bad header name " + name);
        }
        return name;
    }

    private static String requireAscii(String name, String value) {
        if (value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("header " + name + " must be printable ASCII");
        }
        return value;
    }

    /** Writes a header, folding at spaces so no line passes 78 characters where that is possible. */
    private static void header(StringBuilder out, String name, String value) {
        String line = name + ": " + value;
        int start = 0;
        while (line.length() - start > 78) {
            // Never fold inside "Name: " on the first line, nor at a continuation line's leading space.
            int floor = start == 0 ? name.length() + 1 : start;
            int fold = line.lastIndexOf(' ', start + 78);
            if (fold <= floor) {
                // No space within 78 (e.g. a 72-character encoded word after "Subject: "): fold at the next one.
                fold = line.indexOf(' ', floor + 1);
                if (fold < 0) {
                    break;
                }
            }
            out.append(line, start, fold).append(CRLF);
            start = fold;
        }
        out.append(line, start, line.length()).append(CRLF);
    }

    /**
     * Encodes text for a header: as is when it is short printable ASCII, otherwise as RFC 2047
     * B-encoded words, never splitting a character across two words. CR and LF never survive.
     */
    static String encodeWords(String text) {
        String clean = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        boolean plain = clean.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) && !clean.contains("=?");
        if (plain) {
            return clean;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        // 75-char words: "=?UTF-8?B?" + base64 + "?=" leaves 63 base64 chars, i.e. 45 bytes.
        int maxBytes = 45;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int bytes = ch.getBytes(StandardCharsets.UTF_8).length;
            if (chunkBytes + bytes > maxBytes) {
                appendWord(out, chunk);
                chunk.setLength(0);
                chunkBytes = 0;
            }
            chunk.append(ch);
            chunkBytes += bytes;
            i += Character.charCount(cp);
        }
        appendWord(out, chunk);
        return out.toString();
    }

    private static void appendWord(StringBuilder out, CharSequence chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append("=?UTF-8?B?")
                .append(Base64.getEncoder().encodeToString(chunk.toString().getBytes(StandardCharsets.UTF_8)))
                .append("?=");
    }

    /** RFC 2045 quoted-printable of the UTF-8 bytes, with CRLF line ends and soft breaks at 76. */
    static String quotedPrintable(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalised.length() + normalised.length() / 8);
        String[] lines = normalised.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            if (l > 0) {
                out.append(CRLF);
            }
            byte[] bytes = lines[l].getBytes(StandardCharsets.UTF_8);
            int lineLength = 0;
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                boolean last = i == bytes.length - 1;
                boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last);
                int width = literal ? 1 : 3;
                // Keep multi-byte characters' escapes together on one line where they fit.
                if (lineLength + width > MAX_LINE - 1) {
                    out.append('=').append(CRLF);
                    lineLength = 0;
                }
                if (literal) {
                    out.append((char) b);
                } else {
                    out.append('=').append(HEX[b >> 4]).append(HEX[b & 0xf]);
                }
                lineLength += width;
            }
        }
        return out.toString();
    }
}
