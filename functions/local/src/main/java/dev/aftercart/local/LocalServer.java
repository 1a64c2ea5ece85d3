package dev.aftercart.local;

import static dev.aftercart.local.HtmlReport.escape;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aftercart.core.json.Json;
import dev.aftercart.functions.preferences.PreferencesHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code serve} answers on the loopback interface only: {@code /} lists the outbox,
 * {@code /email/<messageId>} shows one email, and everything under {@code /preferences/} goes to the
 * real preferences function as its Lambda Function URL would hand it over. The viewer's own pages
 * run no script, load nothing from elsewhere and cannot be framed; an email's HTML is shown in a
 * sandboxed frame, escaped into its {@code srcdoc}.
 */
final class LocalServer implements AutoCloseable {

    static final String VIEWER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The preference page's form posts are a few hundred bytes. */
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern HTTP_LINK = Pattern.compile("<(https?://[^>]+)>");

    private final HttpServer server;
    private LocalRun run;
    private int requests;

    private LocalServer(HttpServer server) {
        this.server = server;
    }

    /** Takes the port now (0: any free one), so the run's emails can link to it; serves once {@link #serve} is called. */
    static LocalServer bind(int port) throws IOException {
        return new LocalServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    void serve(LocalRun run) {
        this.run = run;
        server.createContext("/", this::outbox);
        server.createContext("/email/", this::email);
        server.createContext("/preferences/", this::preferences);
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void outbox(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getRawPath().equals("/")) {
                text(exchange, 404, "Not found. The outbox is at /.");
                return;
            }
            if (!get(exchange)) {
                return;
            }
            Outbox outbox = run.deployment().outbox();
            StringBuilder html = page("Aftercart outbox");
            html.append("<h1>Aftercart outbox</h1>\n<p>Virtual time ended at ")
                    .append(escape(String.valueOf(run.deployment().clock().instant())))
                    .append(". Everything here was sent by the simulation; nothing left this machine.</p>\n");
            html.append("<h2>Email (").append(outbox.emails()).append(")</h2>\n<table><tr><th>sent (virtual)</th>")
                    .append("<th>to</th><th>subject</th><th>journey</th></tr>\n");
            for (Outbox.SentEmail sent : outbox.sentEmails()) {
                html.append("<tr><td>").append(escape(sent.sentAt().toString())).append("</td><td>")
                        .append(escape(sent.message().to())).append("</td><td><a href=\"/email/")
                        .append(escape(sent.messageId())).append("\">").append(escape(sent.message().subject()))
                        .append("</a></td><td>").append(escape(sent.journey())).append("</td></tr>\n");
            }
            html.append("</table>\n<h2>SMS (").append(outbox.texts()).append(")</h2>\n<table><tr><th>sent (virtual)")
                    .append("</th><th>to</th><th>journey</th><th>segments</th><th>text</th></tr>\n");
            for (Outbox.SentSms sent : outbox.sentTexts()) {
                html.append("<tr><td>").append(escape(sent.sentAt().toString())).append("</td><td>")
                        .append(escape(sent.message().to())).append("</td><td>").append(escape(sent.journey()))
                        .append("</td><td>").append(sent.message().segments()).append("</td><td>")
                        .append(escape(sent.message().body())).append("</td></tr>\n");
            }
            html.append("</table>\n<h2>Preference pages</h2>\n<table><tr><th>customer</th><th>link</th></tr>\n");
            run.report().preferencePages().forEach((customerId, link) -> html.append("<tr><td>")
                    .append(escape(customerId)).append("</td><td><a href=\"").append(escape(link)).append("\">")
                    .append(escape(link)).append("</a></td></tr>\n"));
            html.append("</table>\n");
            send(exchange, 200, html.append("</body></html>\n").toString());
        }
    }

    private void email(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!get(exchange)) {
                return;
            }
            String messageId = exchange.getRequestURI().getRawPath().substring("/email/".length());
            var found = run.deployment().outbox().email(messageId);
            if (found.isEmpty()) {
                text(exchange, 404, "No email with that message id in the outbox.");
                return;
            }
            Outbox.SentEmail sent = found.get();
            var message = sent.message();
            StringBuilder html = page(message.subject());
            html.append("<p><a href=\"/\">&larr; outbox</a></p>\n<h1>").append(escape(message.subject()))
                    .append("</h1>\n<table>\n");
            row(html, "From", message.fromName() + " <" + message.fromAddress() + ">");
            row(html, "To", message.to());
            row(html, "Subject", message.subject());
            row(html, "Sent (virtual time)", sent.sentAt().toString());
            row(html, "Journey", sent.journey());
            new java.util.TreeMap<>(message.headers()).forEach((name, value) -> row(html, name, value));
            row(html, "SES message id", sent.sesMessageId());
            row(html, "File", sent.file());
            html.append("</table>\n");
            links(html, message.headers().get("List-Unsubscribe"), message.text());
            html.append("<h2>Text part</h2>\n<pre>").append(escape(message.text())).append("</pre>\n")
                    .append("<h2>HTML part</h2>\n<iframe title=\"HTML part\" sandbox=\"allow-popups ")
                    .append("allow-popups-to-escape-sandbox\" referrerpolicy=\"no-referrer\" srcdoc=\"")
                    .append(escape(linksInNewTabs(message.html()))).append("\"></iframe>\n");
            send(exchange, 200, html.append("</body></html>\n").toString());
        }
    }

    /** The links into the preference center: the one-click unsubscribe (and what a mail client does with it), the footer's. */
    private void links(StringBuilder html, String listUnsubscribe, String text) {
        html.append("<h2>Preference links</h2>\n<ul>\n");
        if (listUnsubscribe != null) {
            Matcher link = HTTP_LINK.matcher(listUnsubscribe);
            if (link.find()) {
                String url = link.group(1);
                html.append("<li>List-Unsubscribe: <a href=\"").append(escape(url)).append("\">open in the browser</a> ")
                        .append("(shows the page; a GET never unsubscribes) <form method=\"post\" action=\"")
                        .append(escape(url)).append("\"><input type=\"hidden\" name=\"List-Unsubscribe\" ")
                        .append("value=\"One-Click\"><button>Unsubscribe with one click, as a mail client would</button>")
                        .append("</form></li>\n");
            }
        }
        Set<String> inText = new LinkedHashSet<>();
        Matcher found = Pattern.compile(Pattern.quote(run.deployment().preferencesUrl()) + "[^\\s<>\"]*").matcher(text);
        while (found.find()) {
            inText.add(found.group());
        }
        for (String url : inText) {
            html.append("<li>In the email: <a href=\"").append(escape(url)).append("\">").append(escape(url))
                    .append("</a></li>\n");
        }
        html.append("</ul>\n");
    }

    /** In the sandboxed frame, a link opens a new tab (allowed to leave the sandbox) instead of replacing the frame. */
    private static String linksInNewTabs(String html) {
        String base = "<base target=\"_blank\">";
        int head = html.toLowerCase(java.util.Locale.ROOT).indexOf("<head>");
        return head < 0 ? base + html : html.substring(0, head + 6) + base + html.substring(head + 6);
    }

    private void preferences(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
            if (body == null) {
                text(exchange, 413, "Request body too large.");
                return;
            }
            String function = run.deployment().functionRunning(PreferencesHandler.class);
            String requestId = "local-http-" + (++requests);
            Map<String, Object> event = FunctionUrlEvents.request(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, "127.0.0.1:" + port(), requestId,
                    run.deployment().clock().instant());
            RequestStreamHandler handler = run.deployment().handler(function);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), output,
                    new LocalContext(function, requestId));
            FunctionUrlEvents.Response response = FunctionUrlEvents.response(output.toString(StandardCharsets.UTF_8));
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            response.cookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        }
    }

    private static boolean get(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET");
        text(exchange, 405, "Only GET here.");
        return false;
    }

    private static StringBuilder page(String title) {
        return new StringBuilder(8192).append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}\n")
                .append("table{border-collapse:collapse;width:100%;margin-bottom:24px}\n")
                .append("td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}\n")
                .append("pre{white-space:pre-wrap;background:#f6f6f6;padding:12px}\n")
                .append("iframe{width:100%;height:70vh;border:1px solid #ccc}\nform{display:inline}\n")
                .append("</style></head><body>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Content-Security-Policy", VIEWER_CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }
}
