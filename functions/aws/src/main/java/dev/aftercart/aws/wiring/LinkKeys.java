package dev.aftercart.aws.wiring;

import dev.aftercart.core.log.Log;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Reads the key that signs unsubscribe and preference links from Secrets Manager
 * ({@code GetSecretValue}, current version).
 *
 * <p>The key is the secret's {@code SecretString} as it is, in UTF-8 bytes; it is never decoded as
 * base64 or hex. CloudFormation's {@code GenerateSecretString} (64 characters, no punctuation)
 * makes such a string, and a string that merely looks like base64 is not guessed at, so every
 * function derives the same bytes from it. A secret stored as {@code SecretBinary} only, or whose
 * string is shorter than {@value #MINIMUM_BYTES} bytes, is refused with an error that names the
 * secret and the rule. Neither the value nor its length is ever logged or put in an exception.
 */
public final class LinkKeys {

    /** Reading the secret is {@code secretsmanager:GetSecretValue} on that secret. */
    public static final List<String> IAM_ACTIONS = List.of("secretsmanager:GetSecretValue");

    /** HMAC-SHA256 wants a key as long as its output, which {@code LinkTokens} also requires. */
    public static final int MINIMUM_BYTES = 32;

    private LinkKeys() {
    }

    /**
     * @param secretId the secret's ARN or name
     * @return the key's bytes, a fresh array
     * @throws IllegalStateException naming the secret, when it cannot be read or is not a usable key
     */
    public static byte[] load(SecretsManagerClient client, String secretId) {
        String value;
        try {
            value = client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build()).secretString();
        } catch (AwsServiceException e) {
            String code = AwsErrors.code(e);
            Log.error("link_key_unavailable", "secret", secretId, "code", code, "status", e.statusCode(),
                    "awsRequestId", e.requestId());
            throw new IllegalStateException("the link signing key could not be read from secret " + secretId + ": "
                    + code, e);
        } catch (SdkClientException e) {
            Log.error("link_key_unavailable", "secret", secretId, "code", "network_error",
                    "exception", e.getClass().getSimpleName());
            throw new IllegalStateException("the link signing key could not be read from secret " + secretId
                    + ": network_error", e);
        }
        if (value == null) {
            throw unusable(secretId, "has no SecretString; store the key as a string of at least "
                    + MINIMUM_BYTES + " characters");
        }
        byte[] key = value.getBytes(StandardCharsets.UTF_8);
        if (key.length < MINIMUM_BYTES) {
            throw unusable(secretId, "is shorter than " + MINIMUM_BYTES
                    + " bytes; the link signing key must be at least " + MINIMUM_BYTES);
        }
        return key;
    }

    private static IllegalStateException unusable(String secretId, String rule) {
        Log.error("link_key_unusable", "secret", secretId, "rule", rule);
        return new IllegalStateException("secret " + secretId + " " + rule);
    }
}
