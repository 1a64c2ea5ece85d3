package dev.aftercart.aws.wiring;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the SDK clients once per container: an explicit region, credentials from the
 * environment or, under SnapStart, from the container credentials endpoint (a restored snapshot
 * has no key variables), without walking the whole default provider chain; one shared
 * {@code UrlConnectionHttpClient}, and the standard retry mode, which backs off on throttling and
 * 5xx. An endpoint override points every client at an emulator such as LocalStack.
 */
public final class AwsClients {

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final SdkHttpClient http;

    public AwsClients(Region region, AwsCredentialsProvider credentials, URI endpoint) {
        this.region = region;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Lambda's region and credentials; {@code AWS_ENDPOINT_URL} when set, as on LocalStack. */
    public static AwsClients fromEnvironment(Env env) {
        String endpoint = env.optional("AWS_ENDPOINT_URL");
        AwsCredentialsProvider credentials = AwsCredentialsProviderChain.builder()
                .credentialsProviders(EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create())
                .reuseLastProviderEnabled(true)
                .build();
        return new AwsClients(Region.of(env.required("AWS_REGION")), credentials,
                endpoint == null ? null : URI.create(endpoint));
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    public SesV2Client ses() {
        return configure(SesV2Client.builder()).build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder()).build();
    }

    public EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder()).build();
    }

    public SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder()).build();
    }

    public SchedulerClient scheduler() {
        return configure(SchedulerClient.builder()).build();
    }

    private <B extends AwsSyncClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.httpClient(http);
        builder.region(region);
        builder.credentialsProvider(credentials);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallTimeout(Duration.ofSeconds(20))
                .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
