package dev.aftercart.aws.wiring;

import static dev.aftercart.aws.stub.AwsHttpStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aftercart.aws.stub.AwsHttpStub;
import dev.aftercart.aws.stub.AwsHttpStub.Request;
import dev.aftercart.aws.stub.AwsHttpStub.Response;
import dev.aftercart.aws.stub.LogCapture;
import dev.aftercart.aws.stub.StubClients;
import dev.aftercart.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@link LinkKeys} against a real Secrets Manager client and a local HTTP stub speaking AWS JSON
 * 1.1: a POST to {@code /} with {@code X-Amz-Target: secretsmanager.GetSecretValue}, errors as
 * {@code {"__type": …}}. The client retries as the standard strategy does, without the pauses.
 */
class LinkKeysTest {

    private static final String SECRET_ARN =
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:LinkSigningSecret-Xq7rT2kP9mWb";
    /** What {@code GenerateSecretString} with 64 characters and no punctuation makes. */
    private static final String GENERATED = "pQ7vK2mX9sL4wT8zR1nB6cY3hF5jD0gAeU7iO2kM9qW4xS8vN1bZ6tH3yL5rC0fJ";

    private AwsHttpStub stub;
    private SecretsManagerClient client;

    @BeforeEach
    void startStub() {
        stub = AwsHttpStub.start();
        client = StubClients.withoutBackoff(SecretsManagerClient.builder(), stub);
    }

    @AfterEach
    void stopStub() {
        client.close();
        stub.close();
    }

    private static Response secret(String value) {
        return Response.awsJson(200, fixture("secretsmanager/get-secret-value-response.json", Map.of("secret", value)));
    }

    @Test
    void load_shouldGetTheSecretValueBySecretId() {
        stub.respond(secret(GENERATED));

        LinkKeys.load(client, SECRET_ARN);

        Request request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.header("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=test/")
                .contains("/us-east-1/secretsmanager/aws4_request");
        assertThat(Json.parseObject(request.body())).isEqualTo(Map.of("SecretId", SECRET_ARN));
    }

    @Test
    void load_returnsTheSecretStringsUtf8Bytes_asTheyAre() {
        stub.respond(secret(GENERATED));

        byte[] key = LinkKeys.load(client, SECRET_ARN);

        assertThat(key).hasSize(64).isEqualTo(GENERATED.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void load_neverDecodesAStringThatLooksLikeBase64() {
        // 44 characters of valid base64 (32 bytes decoded): the key is the 44 characters, not the 32 bytes.
        String base64Looking = "q83vEjRWeJq8zeHyAzRWeJq8zeHyAzRWeJq8zeHyAzQ=";
        stub.respond(secret(base64Looking));

        byte[] key = LinkKeys.load(client, SECRET_ARN);

        assertThat(key).isEqualTo(base64Looking.getBytes(StandardCharsets.US_ASCII)).hasSize(44);
    }

    @Test
    void load_countsBytesNotCharacters() {
        // 11 Thai characters are 33 bytes in UTF-8: enough, although fewer than 32 characters.
        String thai = "\u0e01\u0e02\u0e03\u0e04\u0e05\u0e06\u0e07\u0e08\u0e09\u0e0a\u0e0b";
        stub.respond(secret(thai));

        byte[] key = LinkKeys.load(client, SECRET_ARN);

        assertThat(key).hasSize(33).isEqualTo(thai.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void load_acceptsExactly32Bytes() {
        String exactly32 = "0123456789abcdefghijklmnopqrstuv";
        stub.respond(secret(exactly32));

        assertThat(LinkKeys.load(client, SECRET_ARN)).hasSize(32);
    }

    @Test
    void load_refusesAShortSecret_namingTheSecretButNeverTheValue() {
        String shortValue = "hunter2-but-longer-0123456789ab"; // 31 bytes
        stub.respond(secret(shortValue));

        try (LogCapture log = LogCapture.start()) {
            IllegalStateException failure = catchThrowableOfType(IllegalStateException.class,
                    () -> LinkKeys.load(client, SECRET_ARN));

            assertThat(failure).hasMessage("secret " + SECRET_ARN
                    + " is shorter than 32 bytes; the link signing key must be at least 32");
            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("\"event\":\"link_key_unusable\"", "\"secret\":\"" + SECRET_ARN + "\"")
                    .doesNotContain("hunter2", "31"));
        }
    }

    @Test
    void load_refusesASecretWithoutASecretString() {
        stub.respond(Response.awsJson(200, "{\"ARN\":\"" + SECRET_ARN + "\","
                + "\"Name\":\"LinkSigningSecret-Xq7rT2kP9mWb\","
                + "\"SecretBinary\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\","
                + "\"VersionStages\":[\"AWSCURRENT\"]}"));

        IllegalStateException failure = catchThrowableOfType(IllegalStateException.class,
                () -> LinkKeys.load(client, SECRET_ARN));

        assertThat(failure).hasMessage("secret " + SECRET_ARN
                + " has no SecretString; store the key as a string of at least 32 characters");
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "ResourceNotFoundException, 400",
        "DecryptionFailure,         400",
        "InvalidRequestException,   400",
        "InvalidParameterException, 400",
    })
    void load_failsWithoutRetry_onDocumentedClientErrors_namingTheSecretAndCode(String code, int status) {
        stub.respond(Response.awsJsonError(status, code, "Secrets Manager can't find the specified secret."));

        try (LogCapture log = LogCapture.start()) {
            IllegalStateException failure = catchThrowableOfType(IllegalStateException.class,
                    () -> LinkKeys.load(client, SECRET_ARN));

            assertThat(failure).hasMessage("the link signing key could not be read from secret " + SECRET_ARN + ": "
                    + code);
            assertThat(stub.requests()).hasSize(1);
            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("\"event\":\"link_key_unavailable\"", "\"code\":\"" + code + "\"",
                            "\"awsRequestId\":\"stub-request-id\""));
        }
    }

    @Test
    void load_retriesAnInternalServiceError_thenReadsTheKey() {
        stub.respond(Response.awsJsonError(500, "InternalServiceError", "An error occurred on the server side."),
                secret(GENERATED));

        byte[] key = LinkKeys.load(client, SECRET_ARN);

        assertThat(key).isEqualTo(GENERATED.getBytes(StandardCharsets.US_ASCII));
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void load_fails_whenThrottlingOutlastsTheRetries() {
        stub.otherwise(Response.awsJsonError(400, "ThrottlingException", "Rate exceeded"));

        IllegalStateException failure = catchThrowableOfType(IllegalStateException.class,
                () -> LinkKeys.load(client, SECRET_ARN));

        assertThat(failure).hasMessageEndingWith(": ThrottlingException");
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void load_failsWithNetworkError_whenTheEndpointIsUnreachable() {
        stub.close();

        IllegalStateException failure = catchThrowableOfType(IllegalStateException.class,
                () -> LinkKeys.load(client, SECRET_ARN));

        assertThat(failure).hasMessage("the link signing key could not be read from secret " + SECRET_ARN
                + ": network_error");
    }

    @Test
    void load_neverLogsTheKey_whenItSucceeds() {
        stub.respond(secret(GENERATED));

        try (LogCapture log = LogCapture.start()) {
            LinkKeys.load(client, SECRET_ARN);

            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void load_callsOnlyOperationsGrantedByIamActions() {
        stub.respond(secret(GENERATED), Response.awsJsonError(400, "ResourceNotFoundException", "Not found"));

        LinkKeys.load(client, SECRET_ARN);
        catchThrowableOfType(IllegalStateException.class, () -> LinkKeys.load(client, SECRET_ARN));

        Set<String> operations = stub.requests().stream()
                .map(r -> r.header("X-Amz-Target").replace("secretsmanager.", "secretsmanager:"))
                .collect(Collectors.toSet());
        assertThat(operations).containsExactly("secretsmanager:GetSecretValue");
        assertThat(LinkKeys.IAM_ACTIONS).containsExactlyElementsOf(operations);
    }
}
