package dev.aftercart.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** How the emulator ITs choose what to run against; a unit test, so it runs everywhere. */
class EmulatorTest {

    private static final Function<String, String> NO_PROPERTIES = name -> null;

    @Test
    void choice_usesAwsEndpointUrl_whenSomethingAnswersThere() throws IOException {
        try (ServerSocket emulator = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String endpoint = "http://127.0.0.1:" + emulator.getLocalPort();

            Emulator.Choice choice = Emulator.choose(Map.of("AWS_ENDPOINT_URL", endpoint)::get, NO_PROPERTIES);

            assertThat(choice).isInstanceOfSatisfying(Emulator.Choice.Use.class,
                    use -> assertThat(use.emulator().endpoint()).isEqualTo(URI.create(endpoint)));
        }
    }

    @Test
    void choice_prefersTheAwsEndpointUrlSystemProperty_overTheVariable() throws IOException {
        try (ServerSocket emulator = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String endpoint = "http://127.0.0.1:" + emulator.getLocalPort();

            Emulator.Choice choice = Emulator.choose(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1")::get,
                    Map.of("aws.endpointUrl", endpoint)::get);

            assertThat(choice).isInstanceOfSatisfying(Emulator.Choice.Use.class,
                    use -> assertThat(use.emulator().endpoint()).isEqualTo(URI.create(endpoint)));
        }
    }

    @Test
    void choice_skipsNamingTheVariable_whenAwsEndpointUrlIsSetButNothingAnswers() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        Emulator.Choice choice = Emulator.choose(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closed)::get,
                NO_PROPERTIES);

        assertThat(choice).isInstanceOfSatisfying(Emulator.Choice.Skip.class, skip -> assertThat(skip.line())
                .isEqualTo("Emulator ITs skipped: AWS_ENDPOINT_URL=http://127.0.0.1:" + closed + " is set, but nothing"
                        + " answers there. Start the emulator (infra/localstack/compose.yaml starts LocalStack) or unset"
                        + " AWS_ENDPOINT_URL."));
    }

    @Test
    void choice_skipsWithOneLineSayingWhyAndHow_whenNoEndpointAndNoDocker() {
        Map<String, String> environment = Map.of();
        Assumptions.assumeFalse(Emulator.dockerMayBeReachable(environment::get),
                "a Docker engine may be reachable here, so the no-emulator case cannot be shown");

        Emulator.Choice choice = Emulator.choose(environment::get, NO_PROPERTIES);

        assertThat(choice).isEqualTo(new Emulator.Choice.Skip("Emulator ITs skipped: AWS_ENDPOINT_URL is not set and"
                + " no Docker engine is reachable. Set AWS_ENDPOINT_URL=http://localhost:4566"
                + " (infra/localstack/compose.yaml starts LocalStack) or start Docker to run them."));
    }
}
