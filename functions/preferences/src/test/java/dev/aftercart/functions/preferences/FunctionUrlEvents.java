package dev.aftercart.functions.preferences;

import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Function URL events (payload format 2.0) from {@code src/test/resources/events/}, with the link
 * token put in where the file says {@code ${token}}.
 */
final class FunctionUrlEvents {

    static final String ONE_CLICK = "function-url-one-click.json";

    private FunctionUrlEvents() {
    }

    /** The event as text, as Lambda hands it to the handler. */
    static String text(String name, String token) {
        String resource = "events/" + name;
        try (InputStream in = FunctionUrlEvents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${token}", token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event as a mutable map, for tests that change one field. */
    static Map<String, Object> event(String name, String token) {
        return Json.parseObject(text(name, token));
    }

    /** {@code requestContext.http} of an event, to change its method. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> http(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("requestContext")).get("http");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> headers(Map<String, Object> event) {
        return (Map<String, Object>) event.get("headers");
    }

    /** The event as a plain POST of {@code body}, not base64-encoded. */
    static Map<String, Object> withPlainBody(Map<String, Object> event, String body) {
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    /** A GET of {@code rawPath} with {@code rawQueryString} and no body, as a browser opening a link sends. */
    static Map<String, Object> get(Map<String, Object> event, String rawPath, String rawQueryString) {
        http(event).put("method", "GET");
        http(event).put("path", rawPath);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQueryString);
        event.remove("body");
        event.put("isBase64Encoded", false);
        headers(event).remove("content-type");
        headers(event).remove("content-length");
        return event;
    }
}
