package dev.aftercart.aws.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One in-memory DynamoDB Local server per test JVM, reached over HTTP by real SDK clients, so the
 * adapters are tested against the wire. Each test class creates its own table on it.
 */
final class LocalDynamoDb {

    private static DynamoDBProxyServer server;
    private static URI endpoint;

    private LocalDynamoDb() {
    }

    /** A client of the local server; {@code interceptors} see every request it sends. */
    static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    for (ExecutionInterceptor interceptor : interceptors) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    /** Creates a table laid out as {@link SingleTable} declares, and returns its name. */
    static String createTable(String tableName) {
        try (DynamoDbClient client = client()) {
            client.createTable(SingleTable.createTableRequest(tableName));
        }
        return tableName;
    }

    private static synchronized URI endpoint() {
        if (server == null) {
            int port = freePort();
            try {
                server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
            }
            endpoint = URI.create("http://localhost:" + port);
            Runtime.getRuntime().addShutdownHook(new Thread(LocalDynamoDb::stop, "dynamodb-local-stop"));
        }
        return endpoint;
    }

    private static void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            // The JVM is exiting; the in-memory tables go with it.
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
