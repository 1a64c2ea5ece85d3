package dev.aftercart.local.browser;

import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's headless Chromium, driven through ChromeDriver over the W3C WebDriver protocol with
 * nothing but {@code java.net.http}: no Selenium. Scripts are off, so every page must work without
 * JavaScript, as the preference page promises.
 */
public final class Chromium implements AutoCloseable {

    static final List<Path> CHROMEDRIVER = List.of(Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver"));
    static final List<Path> BROWSER = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/lib/chromium/chromium"));
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String session;

    private Chromium(Process driver, URI base, Path browser) throws IOException, InterruptedException {
        this.driver = driver;
        this.base = base;
        awaitReady();
        // No background networking: on a closed network (CI, this project's sandboxes) Chromium's own
        // calls home are refused many at a time and slow the page down.
        Map<String, Object> options = Map.of("binary", browser.toString(), "args", List.of("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--blink-settings=scriptEnabled=false",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic"));
        Map<String, Object> created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch",
                Map.of("browserName", "chrome", "goog:chromeOptions", options))));
        this.session = (String) value(created, Map.class).get("sessionId");
    }

    /** Why the browser test cannot run here, or empty when it can. */
    public static Optional<String> unavailable() {
        if (find(CHROMEDRIVER).isEmpty()) {
            return Optional.of("no chromedriver (install Debian's chromium and chromium-driver; .ci/run does)");
        }
        if (find(BROWSER).isEmpty()) {
            return Optional.of("no chromium (install Debian's chromium; .ci/run does)");
        }
        return Optional.empty();
    }

    public static Chromium start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(find(CHROMEDRIVER).orElseThrow().toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            return new Chromium(process, URI.create("http://127.0.0.1:" + port), find(BROWSER).orElseThrow());
        } catch (IOException | RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public void open(String url) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    public String title() throws IOException, InterruptedException {
        return (String) call("GET", "/session/" + session + "/title", null).get("value");
    }

    public String currentUrl() throws IOException, InterruptedException {
        return (String) call("GET", "/session/" + session + "/url", null).get("value");
    }

    /** The visible text of the page's body. */
    public String text() throws IOException, InterruptedException {
        return text(find("body"));
    }

    public String text(String element) throws IOException, InterruptedException {
        return (String) call("GET", "/session/" + session + "/element/" + element + "/text", null).get("value");
    }

    /** The element the CSS selector finds first; fails when there is none. */
    public String find(String css) throws IOException, InterruptedException {
        Map<?, ?> found = value(call("POST", "/session/" + session + "/element",
                Map.of("using", "css selector", "value", css)), Map.class);
        Object id = found.get(ELEMENT);
        if (id == null) {
            throw new IllegalStateException("no element matches " + css + ": " + found);
        }
        return (String) id;
    }

    /** How many elements the CSS selector finds. */
    public int count(String css) throws IOException, InterruptedException {
        return value(call("POST", "/session/" + session + "/elements",
                Map.of("using", "css selector", "value", css)), List.class).size();
    }

    public void click(String element) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/element/" + element + "/click", Map.of());
    }

    /**
     * Clicks a button that submits a form, and returns once the answer has replaced the page and
     * shows {@code awaited}: a click may return before the navigation it starts has finished, and
     * in between a find sees the old page, or no page at all.
     */
    public void submit(String button, String awaited) throws IOException, InterruptedException {
        String page = find("html");
        click(button);
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                if (!find("html").equals(page)) {
                    find(awaited);
                    return;
                }
            } catch (IllegalStateException e) {
                if (!e.getMessage().contains("no such element") && !e.getMessage().contains("stale element")) {
                    throw e;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no " + awaited + " on a new page within 20 s of submitting the form");
            }
            Thread.sleep(50);
        }
    }

    public boolean checked(String element) throws IOException, InterruptedException {
        return Boolean.TRUE.equals(call("GET", "/session/" + session + "/element/" + element + "/property/checked",
                null).get("value"));
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (IOException | RuntimeException e) {
            // The driver is stopped below either way.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroy();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                Map<?, ?> status = value(call("GET", "/status", null), Map.class);
                if (Boolean.TRUE.equals(status.get("ready"))) {
                    return;
                }
            } catch (IOException e) {
                if (!driver.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IOException("chromedriver did not start", e);
                }
            }
            Thread.sleep(100);
        }
    }

    private Map<String, Object> call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> json = Json.parseObject(response.body());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " answered " + response.statusCode()
                    + ": " + json.get("value"));
        }
        return json;
    }

    private static <T> T value(Map<String, Object> response, Class<T> type) {
        return type.cast(response.get("value"));
    }

    private static Optional<Path> find(List<Path> candidates) {
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
