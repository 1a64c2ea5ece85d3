package dev.aftercart.infra.it;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in Docker through Testcontainers, for runs with no {@code AWS_ENDPOINT_URL}. Kept
 * apart from {@link Emulator} so Testcontainers is only loaded once a Docker engine may be there.
 */
final class LocalStackInDocker {

    private LocalStackInDocker() {
    }

    static boolean engineReachable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Starts the one container of this JVM and returns its edge endpoint. Testcontainers' reaper
     * removes it when the JVM exits; the shutdown hook stops it sooner where the reaper is disabled.
     */
    @SuppressWarnings("resource") // lives as long as the JVM, by design
    static URI start(String image, String authToken) {
        LocalStackContainer container = new LocalStackContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"));
        if (authToken != null) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", authToken);
        }
        // As in ci.yml: what the ITs call, started with the container rather than inside their first call.
        container.withEnv("SERVICES", "dynamodb,events,scheduler,sqs,ses,sesv2,sns,secretsmanager")
                .withEnv("EAGER_SERVICE_LOADING", "1");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "localstack-stop"));
        return container.getEndpoint();
    }
}
