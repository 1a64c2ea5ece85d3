package dev.aftercart.infra.it;

import dev.aftercart.aws.wiring.AwsClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS emulator the integration tests run against, chosen once per JVM:
 *
 * <ol>
 *   <li>{@code AWS_ENDPOINT_URL} (or {@code -Daws.endpointUrl}) set: that endpoint, LocalStack or any
 *       LocalStack-compatible emulator. Set but not answering: every IT is skipped, and the one line
 *       names the endpoint that did not answer and how to start the emulator.</li>
 *   <li>Otherwise a reachable Docker engine: LocalStack started through Testcontainers, pinned to
 *       {@value #DEFAULT_IMAGE} ({@code LOCALSTACK_IMAGE} overrides it; {@code LOCALSTACK_AUTH_TOKEN}
 *       is passed through), one container for the whole JVM.</li>
 *   <li>Otherwise none: every IT is skipped, and the JVM prints one line saying why and how to run them.</li>
 * </ol>
 *
 * Clients use region us-east-1 and the static credentials {@code test}/{@code test}, through the
 * functions' own {@link AwsClients}, so the production client configuration is what is tested.
 */
final class Emulator {

    /** The last LocalStack release that runs without {@code LOCALSTACK_AUTH_TOKEN}. */
    static final String DEFAULT_IMAGE = "localstack/localstack:4.14.0";
    static final Region REGION = Region.US_EAST_1;
    static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    static final String NO_EMULATOR = "Emulator ITs skipped: AWS_ENDPOINT_URL is not set and no Docker engine is"
            + " reachable. Set AWS_ENDPOINT_URL=http://localhost:4566 (infra/localstack/compose.yaml starts"
            + " LocalStack) or start Docker to run them.";

    /** What this JVM runs the ITs against, or why it cannot. */
    sealed interface Choice {
        /** Run against this emulator. */
        record Use(Emulator emulator) implements Choice {
        }

        /** No emulator: skip, printing {@code line} once. */
        record Skip(String line) implements Choice {
        }

    }

    private final URI endpoint;
    private final String description;
    private final AwsClients clients;
    private final SqsClient sqs;
    private final Inspection inspection;

    private Emulator(URI endpoint, String description) {
        this.endpoint = endpoint;
        this.description = description;
        this.clients = new AwsClients(REGION, CREDENTIALS, endpoint);
        this.sqs = sqs(endpoint);
        this.inspection = new Inspection(endpoint);
    }

    static Choice choice() {
        return Holder.CHOICE;
    }

    /** Decided on first use; the container, when one is started, lives as long as the JVM. */
    private static final class Holder {
        static final Choice CHOICE = choose(System::getenv, System::getProperty);
    }

    static Choice choose(Function<String, String> env, Function<String, String> properties) {
        String property = blankToNull(properties.apply("aws.endpointUrl"));
        String variable = blankToNull(env.apply("AWS_ENDPOINT_URL"));
        String configured = property != null ? property : variable;
        if (configured != null) {
            String source = property != null ? "-Daws.endpointUrl" : "AWS_ENDPOINT_URL";
            URI endpoint = URI.create(configured);
            if (!answers(endpoint)) {
                // A missing emulator never fails the build, even one asked for; the line says so plainly.
                return new Choice.Skip("Emulator ITs skipped: " + source + "=" + configured + " is set, but nothing"
                        + " answers there. Start the emulator (infra/localstack/compose.yaml starts LocalStack) or unset "
                        + source + ".");
            }
            return new Choice.Use(new Emulator(endpoint, "the emulator at " + configured + " (" + source + ")"));
        }
        if (!dockerMayBeReachable(env) || !LocalStackInDocker.engineReachable()) {
            return new Choice.Skip(NO_EMULATOR);
        }
        String image = blankToNull(env.apply("LOCALSTACK_IMAGE"));
        image = image != null ? image : DEFAULT_IMAGE;
        try {
            URI endpoint = LocalStackInDocker.start(image, blankToNull(env.apply("LOCALSTACK_AUTH_TOKEN")));
            return new Choice.Use(new Emulator(endpoint, image + " in Docker at " + endpoint));
        } catch (RuntimeException e) {
            return new Choice.Skip("Emulator ITs skipped: AWS_ENDPOINT_URL is not set and " + image
                    + " did not start in Docker (" + rootMessage(e) + "). Set AWS_ENDPOINT_URL=http://localhost:4566"
                    + " (infra/localstack/compose.yaml starts LocalStack) to run them against a running emulator.");
        }
    }

    URI endpoint() {
        return endpoint;
    }

    String description() {
        return description;
    }

    AwsClients clients() {
        return clients;
    }

    SqsClient sqs() {
        return sqs;
    }

    Inspection inspection() {
        return inspection;
    }

    /**
     * SQS, which the functions do not use, built the way {@link AwsClients} builds theirs; only the
     * socket timeout is longer, since a long poll holds the connection for up to 20 seconds.
     */
    private static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(40))
                        .build())
                .endpointOverride(endpoint)
                .build();
    }

    /** Whether anything accepts a TCP connection at the endpoint's host and port. */
    private static boolean answers(URI endpoint) {
        if (endpoint.getHost() == null) {
            return false;
        }
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The cheap look before Testcontainers is asked: {@code DOCKER_HOST}, a Testcontainers
     * configuration, or one of the sockets Docker Engine, Docker Desktop, rootless Docker, Colima or
     * Rancher Desktop create. Without any of them the answer is no, and Testcontainers is never loaded.
     */
    static boolean dockerMayBeReachable(Function<String, String> env) {
        if (blankToNull(env.apply("DOCKER_HOST")) != null) {
            return true;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return true; // a named pipe, which only Testcontainers can check
        }
        Path home = Path.of(System.getProperty("user.home", "/"));
        List<Path> candidates = new ArrayList<>(List.of(
                home.resolve(".testcontainers.properties"),
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock")));
        String runtime = blankToNull(env.apply("XDG_RUNTIME_DIR"));
        if (runtime != null) {
            candidates.add(Path.of(runtime, "docker.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
