package dev.aftercart.local;

import dev.aftercart.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as a Lambda Function URL hands it to its function (payload format 2.0), and the
 * function's answer back as HTTP, so the local server runs the preferences function exactly as its
 * URL does on AWS. Header names arrive in lower case, repeated headers joined by commas; a text body
 * arrives as it is, any other (a form post included) base64-encoded with {@code isBase64Encoded}.
 */
final class FunctionUrlEvents {

    /** What the function answered: status, headers and body bytes. */
    record Response(int status, Map<String, String> headers, List<String> cookies, byte[] body) {
    }

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private FunctionUrlEvents() {
    }

    static Map<String, Object> request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String host, String requestId, Instant now) {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowerCase.merge(name.toLowerCase(Locale.ROOT), String.join(",", values),
                (a, b) -> a + "," + b));
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", lowerCase.getOrDefault("user-agent", ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "anonymous");
        context.put("apiId", "aftercart-local");
        context.put("domainName", host);
        context.put("domainPrefix", host.split("[.:]")[0]);
        context.put("http", http);
        context.put("requestId", requestId);
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        event.put("headers", lowerCase);
        event.put("requestContext", context);
        if (body.length > 0) {
            boolean text = isText(lowerCase.get("content-type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** The function's JSON answer; a bare string or object without {@code statusCode} is a 200 JSON body, as on AWS. */
    @SuppressWarnings("unchecked")
    static Response response(String output) {
        Object parsed = Json.parse(output);
        if (!(parsed instanceof Map<?, ?> map) || !map.containsKey("statusCode")) {
            return new Response(200, Map.of("content-type", "application/json"), List.of(),
                    output.getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> answer = (Map<String, Object>) map;
        Map<String, String> headers = new LinkedHashMap<>();
        if (answer.get("headers") instanceof Map<?, ?> given) {
            given.forEach((name, value) -> headers.put(String.valueOf(name), String.valueOf(value)));
        }
        List<String> cookies = answer.get("cookies") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        String body = answer.get("body") instanceof String s ? s : "";
        byte[] bytes = Boolean.TRUE.equals(answer.get("isBase64Encoded"))
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Response(((Number) answer.get("statusCode")).intValue(), headers, cookies, bytes);
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/xml");
    }
}
