package dev.aftercart.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MIME message back, independently of the writer, so tests can prove what a mail client
 * would show: unfolds headers, decodes RFC 2047 encoded words (each one strictly, so a character
 * split across two words fails) and quoted-printable or base64 parts.
 */
public final class MimeReader {

    private static final String CRLF = "\r\n";
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \\t]+(=\\?)");

    public record Part(Map<String, String> headers, String rawBody) {

        /** The body decoded from its transfer encoding, as text in its charset. */
        public String text() {
            String encoding = headers.getOrDefault("content-transfer-encoding", "7bit");
            if (encoding.equalsIgnoreCase("base64")) {
                return decodeBase64(rawBody);
            }
            if (!encoding.equalsIgnoreCase("quoted-printable")) {
                throw new AssertionError("unexpected transfer encoding " + encoding);
            }
            return decodeQuotedPrintable(rawBody);
        }
    }

    /** Header names are lower-cased; values are unfolded but not decoded. */
    public record Message(String raw, List<Map.Entry<String, String>> headerList, List<Part> parts) {

        public String header(String name) {
            List<String> values = headers(name);
            if (values.size() != 1) {
                throw new AssertionError("expected one " + name + " header, found " + values.size());
            }
            return values.get(0);
        }

        public List<String> headers(String name) {
            return headerList.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
        }

        /** The header as a reader sees it, encoded words decoded. */
        public String decodedHeader(String name) {
            return decodeHeader(header(name));
        }

        public Part part(String contentType) {
            return parts.stream()
                    .filter(p -> p.headers().getOrDefault("content-type", "").toLowerCase(Locale.ROOT).startsWith(contentType))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + contentType + " part"));
        }

        public List<String> lines() {
            return List.of(raw.split(CRLF, -1));
        }
    }

    private MimeReader() {
    }

    public static Message read(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int split = raw.indexOf(CRLF + CRLF);
        if (split < 0) {
            throw new AssertionError("no blank line after the headers");
        }
        List<Map.Entry<String, String>> headers = headers(raw.substring(0, split));
        String body = raw.substring(split + 4);
        String contentType = headers.stream().filter(e -> e.getKey().equals("content-type")).map(Map.Entry::getValue)
                .findFirst().orElse("text/plain");
        List<Part> parts = new ArrayList<>();
        Matcher boundary = Pattern.compile("boundary=\"([^\"]+)\"").matcher(contentType);
        if (boundary.find()) {
            String delimiter = CRLF + "--" + boundary.group(1);
            String[] pieces = (CRLF + body).split(Pattern.quote(delimiter), -1);
            if (!pieces[pieces.length - 1].startsWith("--")) {
                throw new AssertionError("multipart body has no closing delimiter");
            }
            for (int i = 1; i < pieces.length - 1; i++) {
                String piece = pieces[i].substring(CRLF.length());
                int end = piece.indexOf(CRLF + CRLF);
                Map<String, String> partHeaders = new LinkedHashMap<>();
                headers(piece.substring(0, end)).forEach(e -> partHeaders.put(e.getKey(), e.getValue()));
                parts.add(new Part(partHeaders, piece.substring(end + 4)));
            }
        }
        return new Message(raw, headers, parts);
    }

    private static List<Map.Entry<String, String>> headers(String block) {
        String unfolded = block.replaceAll("\r\n(?=[ \t])", "");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line : unfolded.split(CRLF)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new AssertionError("not a header line: " + line);
            }
            headers.add(Map.entry(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).stripLeading()));
        }
        return headers;
    }

    /** Decodes RFC 2047 encoded words; whitespace between two adjacent words is dropped (6.2). */
    public static String decodeHeader(String value) {
        String joined = value;
        for (String previous = null; !joined.equals(previous); ) {
            previous = joined;
            joined = BETWEEN_WORDS.matcher(joined).replaceAll("$1$2");
        }
        Matcher m = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decodeWord(m.group(1), m.group(2), m.group(3))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The encoded words of a header value, as they appear. */
    public static List<String> encodedWords(String value) {
        List<String> words = new ArrayList<>();
        Matcher m = ENCODED_WORD.matcher(value);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static String decodeWord(String charset, String encoding, String text) {
        byte[] bytes;
        if (encoding.equalsIgnoreCase("B")) {
            bytes = Base64.getDecoder().decode(text);
        } else {
            bytes = qpBytes(text.replace('_', ' '));
        }
        return strict(Charset.forName(charset), bytes);
    }

    /** Removes soft line breaks and decodes {@code =XX}; the result must be valid UTF-8. */
    public static String decodeQuotedPrintable(String body) {
        return strict(StandardCharsets.UTF_8, qpBytes(body.replace("=" + CRLF, "")));
    }

    /** Strictly: lines of at most 76 base64 characters, CRLF between them, whole UTF-8 characters. */
    public static String decodeBase64(String body) {
        StringBuilder joined = new StringBuilder(body.length());
        for (String line : body.split(CRLF, -1)) {
            if (!line.matches("[A-Za-z0-9+/=]{0,76}")) {
                throw new AssertionError("not a base64 line of 76 at most: " + line);
            }
            joined.append(line);
        }
        return strict(StandardCharsets.UTF_8, Base64.getDecoder().decode(joined.toString()));
    }

    private static byte[] qpBytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0x7e) {
                throw new AssertionError("non-ASCII character in an encoded body");
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static String strict(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("bytes are not whole " + charset + " characters", e);
        }
    }
}
