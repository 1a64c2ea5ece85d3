package dev.aftercart.benchmarks;

import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.aws.wiring.Env;
import dev.aftercart.core.engine.EventIntake;
import dev.aftercart.core.engine.Policies;
import dev.aftercart.core.engine.Priming;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.functions.orders.OrderEventsHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A proxy for cold start without SnapStart: each fork is a fresh JVM and each measurement the
 * first call in it, so class loading, template compilation and interpretation are all counted.
 * Nothing here touches the network: building SDK clients opens no connection and resolves no
 * credentials, and the link key is read only on first use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 10, jvmArgsAppend = {LambdaJvm.TIERED, LambdaJvm.C1_ONLY,
        // As in the tests: never the developer's AWS profile, so every machine builds the same clients.
        "-Daws.configFile=/nonexistent/aftercart-benchmarks/config",
        "-Daws.sharedCredentialsFile=/nonexistent/aftercart-benchmarks/credentials"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdStartBenchmark {

    /**
     * What template.yaml gives the order-events function, with placeholder names; the endpoint is
     * a closed local port, so a call made by mistake would fail rather than reach AWS.
     */
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("AWS_REGION", "us-east-1"),
            Map.entry("AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
            Map.entry("TABLE_NAME", "aftercart-Table"),
            Map.entry("EMAIL_FROM_ADDRESS", "orders@shop.example"),
            Map.entry("SES_CONFIGURATION_SET", "aftercart"),
            Map.entry("SCHEDULE_GROUP", "aftercart"),
            Map.entry("SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:role/aftercart-SchedulerRole"),
            Map.entry("DISPATCH_TARGET_ARN",
                    "arn:aws:lambda:us-east-1:123456789012:function:aftercart-message-dispatch:live"),
            Map.entry("SCHEDULE_DLQ_ARN", "arn:aws:sqs:us-east-1:123456789012:aftercart-ScheduleDeadLetterQueue"),
            Map.entry("STORE_NAME", "Aftercart Demo"),
            Map.entry("STORE_URL", "https://shop.example"),
            Map.entry("STORE_SUPPORT_EMAIL", "help@shop.example"),
            Map.entry("STORE_POSTAL_ADDRESS", "1 Market St, San Francisco, CA 94105"),
            Map.entry("PREFERENCES_URL", "https://shop.example/preferences"),
            Map.entry("LINK_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:aftercart-links"),
            Map.entry("EVENT_BUS_NAME", "default"));

    private byte[] envelope;
    private Clock clock;

    @Setup
    public void readSample() {
        DiscardedLogs.install();
        String text = Samples.orderPlaced("en-US");
        envelope = text.getBytes(StandardCharsets.UTF_8);
        clock = Samples.arrivalOf(text);
    }

    /**
     * The order-events function's constructor at INIT: configuration, six SDK clients on one HTTP
     * client, the adapters, and the engine with its journeys, policies and templates.
     */
    @Benchmark
    public EventIntake awsWiring() {
        return AwsWiring.fromEnvironment(Env.of(ENVIRONMENT)).aftercart().intake(OrderEventsHandler.DETAIL_TYPES);
    }

    /**
     * The engine's share of the first invocation: assembly on in-memory ports, then one Order Placed
     * through the entry, compiling and rendering the confirmation's templates for the first time.
     */
    @Benchmark
    public ByteArrayOutputStream firstOrderPlaced() throws IOException {
        InMemoryEngine engine = new InMemoryEngine(StoreOwnerData.fromClasspath(), clock);
        ByteArrayOutputStream outcome = new ByteArrayOutputStream(512);
        new OrderEventsHandler(engine.aftercart.intake(OrderEventsHandler.DETAIL_TYPES), () -> { })
                .handleRequest(new ByteArrayInputStream(envelope), outcome, null);
        return outcome;
    }

    /**
     * SnapStart's rehearsal before the snapshot (every template, every language), without its one
     * DynamoDB read: what a deploy spends so a restored function skips the cost above.
     */
    @Benchmark
    public int snapStartRehearsal() {
        return Priming.rehearse(JourneyCatalog.fromClasspath(), Policies.fromClasspath(), Templates.fromClasspath(),
                Fixtures.STORE);
    }
}
