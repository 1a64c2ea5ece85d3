package dev.aftercart.aws.wiring;

import static dev.aftercart.aws.stub.AwsHttpStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.aws.stub.AwsHttpStub;
import dev.aftercart.aws.stub.AwsHttpStub.Request;
import dev.aftercart.aws.stub.AwsHttpStub.Response;
import dev.aftercart.aws.stub.StubClients;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.preferences.PreferenceCenter;
import dev.aftercart.core.preferences.WebRequest;
import dev.aftercart.core.preferences.WebResponse;
import dev.aftercart.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AwsWiring#create} with every SDK client pointed at one local HTTP stub, as on LocalStack:
 * the link-signing key is read from Secrets Manager on the first link checked, once, and never at
 * cold start.
 */
class AwsWiringTest {

    /** What {@code GenerateSecretString} with 64 characters and no punctuation makes. */
    private static final String KEY = "pQ7vK2mX9sL4wT8zR1nB6cY3hF5jD0gAeU7iO2kM9qW4xS8vN1bZ6tH3yL5rC0fJ";
    private static final String GET_SECRET_VALUE = "secretsmanager.GetSecretValue";
    private static final String GET_ITEM = "DynamoDB_20120810.GetItem";

    private AwsHttpStub stub;
    private AwsWiring wiring;

    @BeforeEach
    void wire() {
        stub = AwsHttpStub.start();
        wiring = AwsWiring.create(AftercartConfig.from(Env.of(AftercartConfigTest.environment())),
                StubClients.production(stub));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private static Response secret() {
        return Response.awsJson(200, fixture("secretsmanager/get-secret-value-response.json", Map.of("secret", KEY)));
    }

    /** GetItem of a key that holds nothing. */
    private static Response noItem() {
        return new Response(200, Map.of("Content-Type", "application/x-amz-json-1.0",
                "x-amzn-RequestId", "stub-request-id"), "{}");
    }

    /** A preference link for {@code customerId}, signed with the deployment's key. */
    private static String link(String customerId) {
        return new LinkTokens(KEY.getBytes(StandardCharsets.UTF_8), Clock.systemUTC(), Duration.ofDays(90))
                .issue(customerId, LinkTokens.PREFERENCES);
    }

    private static WebRequest page(String token) {
        return new WebRequest("GET", "/", Map.of("t", token), Map.of());
    }

    @Test
    void create_callsNoService_notEvenSecretsManager() {
        wiring.aftercart().preferences();
        wiring.aftercart().feedback(true);
        wiring.aftercart().smsKeywords();

        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void firstLinkChecked_readsTheKeyFromTheConfiguredSecret_thenTheProfile() {
        stub.respond(secret(), noItem());

        WebResponse response = wiring.aftercart().preferences().handle(page(link("c-1001")));

        // The link verified with the secret's key, so the center looked the customer up.
        assertThat(response.status()).isEqualTo(404);
        assertThat(stub.requests()).extracting(r -> r.header("X-Amz-Target"))
                .containsExactly(GET_SECRET_VALUE, GET_ITEM);
        Request getSecret = stub.requests().get(0);
        assertThat(Json.parseObject(getSecret.body())).isEqualTo(Map.of("SecretId", AftercartConfigTest.SECRET_ARN));
        assertThat(getSecret.header("Authorization")).contains("/us-east-1/secretsmanager/aws4_request");
        Map<String, Object> getItem = Json.parseObject(stub.requests().get(1).body());
        assertThat(getItem).containsEntry("TableName", "aftercart-table")
                .containsEntry("Key", Map.of("pk", Map.of("S", "C#c-1001"), "sk", Map.of("S", "PROFILE")));
    }

    @Test
    void laterLinks_reuseTheKey_acrossPreferenceCentersOfOneContainer() {
        stub.respond(secret(), noItem(), noItem(), noItem());
        PreferenceCenter first = wiring.aftercart().preferences();

        first.handle(page(link("c-1001")));
        first.handle(page(link("c-1002")));
        wiring.aftercart().preferences().handle(page(link("c-1003")));

        List<String> targets = stub.requests().stream().map(r -> r.header("X-Amz-Target")).toList();
        assertThat(targets).containsExactly(GET_SECRET_VALUE, GET_ITEM, GET_ITEM, GET_ITEM);
    }

    @Test
    void aLinkSignedWithAnotherKey_isRefused_withoutReadingTheProfile() {
        stub.respond(secret());
        String forged = new LinkTokens(Fixtures.LINK_KEY, Clock.systemUTC(), Duration.ofDays(90))
                .issue("c-1001", LinkTokens.PREFERENCES);

        WebResponse response = wiring.aftercart().preferences().handle(page(forged));

        assertThat(response.status()).isEqualTo(400);
        assertThat(stub.requests()).extracting(r -> r.header("X-Amz-Target")).containsExactly(GET_SECRET_VALUE);
    }

    @Test
    void config_isTheOneItWasCreatedWith() {
        assertThat(wiring.config().linkSecretId()).isEqualTo(AftercartConfigTest.SECRET_ARN);
        assertThat(wiring.config().linkLifetime()).isEqualTo(Duration.ofDays(90));
    }
}
