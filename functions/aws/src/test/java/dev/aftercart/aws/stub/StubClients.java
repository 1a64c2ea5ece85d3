package dev.aftercart.aws.stub;

import dev.aftercart.aws.wiring.AwsClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** SDK clients pointed at an {@link AwsHttpStub}. */
public final class StubClients {

    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private StubClients() {
    }

    /** The production wiring, retry strategy included, with the stub as its endpoint. */
    public static AwsClients production(AwsHttpStub stub) {
        return new AwsClients(Region.US_EAST_1, CREDENTIALS, stub.uri());
    }

    /**
     * A client that retries exactly as the standard strategy does (same attempts, same retryable
     * and throttling errors) but without waiting between attempts. Only for tests that exhaust the
     * retries on throttling, whose standard backoff (up to 1 s, then 2 s) would slow the suite.
     */
    public static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C withoutBackoff(B builder,
            AwsHttpStub stub) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        return builder
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(stub.uri())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                                .build())
                        .build())
                .build();
    }
}
