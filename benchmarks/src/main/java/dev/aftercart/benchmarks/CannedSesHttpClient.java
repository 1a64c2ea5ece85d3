package dev.aftercart.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * An HTTP client that answers every request as SES v2 answers a {@code SendEmail} it accepts,
 * without a network: the SDK still resolves the endpoint, marshals, signs and parses, and the
 * request body is read to its end, as a socket would take it.
 */
final class CannedSesHttpClient implements SdkHttpClient {

    private static final byte[] ACCEPTED =
            "{\"MessageId\":\"010001939c2b6f3e-benchmark-000000\"}".getBytes(StandardCharsets.UTF_8);

    /** An SES v2 client configured as {@code AwsClients} configures it, over this HTTP client. */
    static SesV2Client sesClient() {
        return SesV2Client.builder()
                .httpClient(new CannedSesHttpClient())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("benchmark", "benchmark")))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(20))
                        .build())
                .build();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream body = request.contentStreamProvider().get().newStream()) {
                        body.transferTo(OutputStream.nullOutputStream());
                    }
                }
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", "application/json")
                                .putHeader("Content-Length", String.valueOf(ACCEPTED.length))
                                .putHeader("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(ACCEPTED)))
                        .build();
            }

            @Override
            public void abort() {
                // Nothing in flight to abort.
            }
        };
    }

    @Override
    public void close() {
        // Holds no connections.
    }
}
