package dev.aftercart.functions.preferences;

import dev.aftercart.core.json.Json;
import dev.aftercart.core.preferences.FormData;
import dev.aftercart.core.preferences.WebRequest;
import dev.aftercart.core.preferences.WebResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda Function URL payload format 2.0 to and from the preference center's {@link WebRequest}
 * and {@link WebResponse}: {@code requestContext.http.method}, {@code rawPath},
 * {@code rawQueryString}, and a form {@code body} (base64 when {@code isBase64Encoded}) only when
 * its {@code content-type} is {@code application/x-www-form-urlencoded}.
 */
final class FunctionUrlRequests {

    /** The page's form is a few hundred bytes; anything much larger is not from it. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Map<String, String> TEXT = Map.of(
            "Content-Type", "text/plain; charset=utf-8",
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store");

    private FunctionUrlRequests() {
    }

    /** The request, or empty when it is not one the preference center can read. */
    static Optional<WebRequest> read(InputStream input) throws IOException {
        byte[] bytes = readAtMost(input, MAX_BODY_BYTES * 2 + 64 * 1024);
        if (bytes == null) {
            return Optional.empty();
        }
        Map<String, Object> event;
        try {
            event = Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String method = string(path(event, "requestContext", "http"), "method");
        String rawPath = string(event, "rawPath");
        if (method == null || rawPath == null) {
            return Optional.empty();
        }
        try {
            Map<String, String> query = FormData.parse(string(event, "rawQueryString"));
            Map<String, String> form = Map.of();
            String body = string(event, "body");
            if (body != null && isForm(event)) {
                String decoded = Boolean.TRUE.equals(event.get("isBase64Encoded"))
                        ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
                        : body;
                if (decoded.length() > MAX_BODY_BYTES) {
                    return Optional.empty();
                }
                form = FormData.parse(decoded);
            }
            return Optional.of(new WebRequest(method, rawPath, query, form));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static WebResponse badRequest() {
        return new WebResponse(400, TEXT, "This request is not one we understand. Use the link in your email.");
    }

    static WebResponse unavailable() {
        return new WebResponse(503, TEXT, "We could not load your preferences just now. Please try again shortly.");
    }

    static Map<String, Object> toJson(WebResponse response) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("statusCode", response.status());
        json.put("headers", new LinkedHashMap<>(response.headers()));
        json.put("body", response.body());
        json.put("isBase64Encoded", false);
        return json;
    }

    private static boolean isForm(Map<String, Object> event) {
        if (!(event.get("headers") instanceof Map<?, ?> headers)) {
            return false;
        }
        for (Map.Entry<?, ?> header : headers.entrySet()) {
            if (String.valueOf(header.getKey()).equalsIgnoreCase("content-type") && header.getValue() instanceof String type
                    && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> event, String... names) {
        Map<String, Object> current = event;
        for (String name : names) {
            if (!(current.get(name) instanceof Map<?, ?> next)) {
                return Map.of();
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }

    private static String string(Map<String, Object> map, String name) {
        return map.get(name) instanceof String s ? s : null;
    }

    private static byte[] readAtMost(InputStream input, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = input.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                return null;
            }
        }
        return out.toByteArray();
    }
}
