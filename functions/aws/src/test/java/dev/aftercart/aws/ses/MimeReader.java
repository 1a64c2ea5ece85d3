package dev.aftercart.aws.ses;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a MIME reader to check what SES received: top-level headers (unfolded) and the
 * parts of a {@code multipart/alternative} body with quoted-printable decoded. Independent of
 * {@code MimeWriter}, so a test does not check the writer against itself.
 */
public record MimeReader(Map<String, String> headers, List<Part> parts) {

    public record Part(Map<String, String> headers, String content) {
    }

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");

    /** A header with RFC 2047 encoded words decoded. */
    public String decoded(String name) {
        String value = headers.get(name);
        if (value == null) {
            return null;
        }
        Matcher words = ENCODED_WORD.matcher(value.replaceAll("\\?= =\\?", "?==?"));
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            String text = new String(java.util.Base64.getDecoder().decode(words.group(1)), StandardCharsets.UTF_8);
            words.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        words.appendTail(out);
        return out.toString();
    }

    /** The decoded content of the first part of this MIME type, e.g. {@code text/html}. */
    public String content(String mimeType) {
        return parts.stream()
                .filter(p -> p.headers().getOrDefault("Content-Type", "").startsWith(mimeType))
                .map(Part::content)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + mimeType + " part"));
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"([^\"]+)\"");

    public static MimeReader read(String message) {
        int split = message.indexOf("\r\n\r\n");
        Map<String, String> headers = headers(message.substring(0, split));
        String body = message.substring(split + 4);
        Matcher boundary = BOUNDARY.matcher(headers.getOrDefault("Content-Type", ""));
        List<Part> parts = new ArrayList<>();
        if (boundary.find()) {
            String delimiter = "--" + boundary.group(1);
            String[] chunks = body.split(Pattern.quote(delimiter));
            for (int i = 1; i < chunks.length; i++) {
                String chunk = chunks[i];
                if (chunk.startsWith("--")) {
                    break;
                }
                chunk = chunk.substring(2);
                int end = chunk.indexOf("\r\n\r\n");
                Map<String, String> partHeaders = headers(chunk.substring(0, end));
                String content = chunk.substring(end + 4);
                if (content.endsWith("\r\n")) {
                    content = content.substring(0, content.length() - 2);
                }
                if ("quoted-printable".equalsIgnoreCase(partHeaders.get("Content-Transfer-Encoding"))) {
                    content = decodeQuotedPrintable(content);
                }
                parts.add(new Part(partHeaders, content));
            }
        }
        return new MimeReader(headers, parts);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.replace("\r\n ", " ").replace("\r\n\t", " ").split("\r\n")) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static String decodeQuotedPrintable(String text) {
        String joined = text.replace("=\r\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=') {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
