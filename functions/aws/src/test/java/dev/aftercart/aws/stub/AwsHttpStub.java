package dev.aftercart.aws.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted HTTP endpoint on 127.0.0.1 for testing AWS adapters on the wire with real SDK clients.
 * It records every request and answers each from a queue of scripted responses, then with a
 * default once the queue is empty. The default is a 501, which the SDK neither parses as a known
 * error nor retries, so an unscripted call shows up as one recorded request and a failure.
 */
public final class AwsHttpStub implements AutoCloseable {

    private final HttpServer server;
    private final Queue<Response> scripted = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Response otherwise = new Response(501, Map.of("Content-Type", "text/plain"), "no scripted response");

    private AwsHttpStub(HttpServer server) {
        this.server = server;
    }

    public static AwsHttpStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AwsHttpStub stub = new AwsHttpStub(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues responses, answered in order, one per request. */
    public AwsHttpStub respond(Response... responses) {
        scripted.addAll(List.of(responses));
        return this;
    }

    /** The answer once the queue is empty. */
    public AwsHttpStub otherwise(Response response) {
        otherwise = response;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The single recorded request; fails if there were none or several. */
    public Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request but the stub received " + requests.size());
        }
        return requests.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Collections.unmodifiableMap(headers),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            Response response = scripted.poll();
            if (response == null) {
                response = otherwise;
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** One request as the server saw it; the path and query are raw (still percent-encoded). */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        /** The first value of a header, by case-insensitive name, or {@code null}. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Query string parameters, decoded, in order. */
        public Map<String, String> queryParameters() {
            return formDecode(query == null ? "" : query);
        }

        /** An {@code application/x-www-form-urlencoded} body (the AWS Query protocol), decoded, in order. */
        public Map<String, String> form() {
            return formDecode(body);
        }

        private static Map<String, String> formDecode(String encoded) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (encoded.isEmpty()) {
                return fields;
            }
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return fields;
        }
    }

    /** A scripted answer. */
    public record Response(int status, Map<String, String> headers, String body) {

        public Response {
            headers = Map.copyOf(headers);
        }

        public static Response json(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json", "x-amzn-RequestId", "stub-request-id"),
                    body);
        }

        public static Response xml(int status, String body) {
            return new Response(status, Map.of("Content-Type", "text/xml", "x-amzn-RequestId", "stub-request-id"), body);
        }

        /** An empty 200, as DeleteSchedule returns. */
        public static Response empty() {
            return new Response(200, Map.of("x-amzn-RequestId", "stub-request-id"), "");
        }

        /**
         * An AWS REST-JSON error (SES v2, Scheduler): the code in {@code x-amzn-ErrorType}, as the
         * services send it, and the human message in the body.
         */
        public static Response restJsonError(int status, String code, String message) {
            return new Response(status, Map.of(
                    "Content-Type", "application/json",
                    "x-amzn-RequestId", "stub-request-id",
                    "x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazonaws.stub/"),
                    "{\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
        }

        /** An AWS JSON 1.1 answer (EventBridge), with the content type those services send. */
        public static Response awsJson(int status, String body) {
            return new Response(status, Map.of(
                    "Content-Type", "application/x-amz-json-1.1",
                    "x-amzn-RequestId", "stub-request-id"), body);
        }

        /** An AWS JSON 1.1 error (EventBridge): the code in the body's {@code __type}, as the services send it. */
        public static Response awsJsonError(int status, String code, String message) {
            return awsJson(status, "{\"__type\":\"" + code + "\",\"message\":\""
                    + message.replace("\"", "\\\"") + "\"}");
        }
    }

    /** Fixture bodies under {@code src/test/resources}. */
    public static String fixture(String path) {
        try (InputStream in = AwsHttpStub.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture with each {@code ${name}} replaced by its value. */
    public static String fixture(String path, Map<String, String> values) {
        String text = fixture(path);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    /** The requests so far, one {@code METHOD path} each, for assertion messages. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        for (Request request : requests) {
            lines.add(request.method() + " " + request.path());
        }
        return "AwsHttpStub" + lines;
    }
}
