package dev.aftercart.infra.it;

import dev.aftercart.core.json.Json;
import dev.aftercart.core.json.JsonException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the emulator says it sent, through LocalStack's inspection endpoints:
 *
 * <ul>
 *   <li>{@code GET /_aws/ses}: {@code {"messages": [...]}}, each message with {@code Id}, {@code Source},
 *       and either {@code Destination} (simple email) or {@code RawData} (the raw MIME Aftercart sends).</li>
 *   <li>{@code GET /_aws/sns/sms-messages}: {@code {"sms_messages": {"+1…": [{"PhoneNumber", "Message", …}]}}};
 *       some LocalStack-compatible emulators serve SMS at {@code GET /_aws/sns} instead.</li>
 * </ul>
 *
 * A message counts as addressed to a recipient when one of its string values contains the address
 * (an email) or equals the number (an SMS), so either shape, and either place an emulator keeps the
 * recipient in, is found. An empty {@code Optional} means the emulator serves no such endpoint.
 *
 * <p>LocalStack registers {@code /_aws/sns/...} and {@code /_aws/ses} only once the SNS or SES
 * provider first loads, so a test calls the API ({@code smsApi()}, {@code sesIdentity()}) before it
 * requires inspection; {@code EAGER_SERVICE_LOADING=1} loads them at start-up and covers it too.
 * {@code GET /_localstack/info} says which LocalStack edition answers.
 */
final class Inspection {

    static final String SES = "/_aws/ses";
    static final List<String> SMS = List.of("/_aws/sns/sms-messages", "/_aws/sns");
    static final String INFO = "/_localstack/info";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    Inspection(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Every email the emulator sent whose destination or raw content names {@code address}. */
    Optional<List<Map<String, Object>>> emailsTo(String address) {
        return get(SES).flatMap(body -> body instanceof Map<?, ?> map && map.get("messages") instanceof List<?> all
                ? Optional.of(all.stream()
                        .filter(message -> message instanceof Map<?, ?> && strings(message).stream()
                                .anyMatch(s -> s.contains(address)))
                        .map(Inspection::asMap)
                        .toList())
                : Optional.empty());
    }

    /** Every SMS the emulator sent to {@code phoneNumber} (E.164). */
    Optional<List<Map<String, Object>>> smsTo(String phoneNumber) {
        for (String path : SMS) {
            Optional<Object> body = get(path);
            if (body.isPresent()) {
                List<Map<String, Object>> found = new ArrayList<>();
                collectMessagesTo(phoneNumber, body.get(), found);
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** The LocalStack edition ({@code community}, {@code pro}, …), or empty when the emulator does not say. */
    Optional<String> edition() {
        return get(INFO).flatMap(body -> body instanceof Map<?, ?> map && map.get("edition") instanceof String edition
                ? Optional.of(edition)
                : Optional.empty());
    }

    /** Where sent email is looked up, for a skip message. */
    String emailEndpoint() {
        return "GET " + endpoint.resolve(SES);
    }

    /** Where sent SMS are looked up, for a skip message. */
    String smsEndpoints() {
        return "GET " + endpoint.resolve(SMS.get(0)) + " or GET " + endpoint.resolve(SMS.get(1));
    }

    /** The endpoint's JSON, or empty when there is no such endpoint (not 200, or not JSON). */
    private Optional<Object> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            Object json = Json.parse(response.body());
            return json instanceof Map<?, ?> || json instanceof List<?> ? Optional.of(json) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("the emulator did not answer " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + request.uri(), e);
        }
    }

    /** The objects anywhere in {@code json} with a value equal to the number: one per SMS. */
    private static void collectMessagesTo(String phoneNumber, Object json, List<Map<String, Object>> found) {
        if (json instanceof Map<?, ?> map) {
            if (map.values().stream().anyMatch(phoneNumber::equals)) {
                found.add(asMap(map));
                return;
            }
            map.values().forEach(value -> collectMessagesTo(phoneNumber, value, found));
        } else if (json instanceof List<?> list) {
            list.forEach(value -> collectMessagesTo(phoneNumber, value, found));
        }
    }

    /** Every string value in a JSON value, at any depth. */
    private static List<String> strings(Object json) {
        List<String> out = new ArrayList<>();
        collectStrings(json, out);
        return out;
    }

    private static void collectStrings(Object json, List<String> out) {
        switch (json) {
            case String s -> out.add(s);
            case Map<?, ?> map -> map.values().forEach(value -> collectStrings(value, out));
            case List<?> list -> list.forEach(value -> collectStrings(value, out));
            case null, default -> {
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }
}
