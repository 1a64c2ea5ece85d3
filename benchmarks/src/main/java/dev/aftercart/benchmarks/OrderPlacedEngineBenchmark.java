package dev.aftercart.benchmarks;

import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.functions.orders.OrderEventsHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code Order Placed} through the order-events Lambda entry, as Lambda invokes it, on a warm
 * container: read and validate the event, record customer, order and co-purchases, plan every
 * journey it triggers, send the confirmation email and SMS now, schedule the rest, write the
 * outcome. Every port is in memory, so this is the engine's own time; the SES adapter's is in
 * {@link OrderConfirmationBenchmark}. Each invocation meets empty stores, as a first order does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {LambdaJvm.TIERED, LambdaJvm.C1_ONLY})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class OrderPlacedEngineBenchmark {

    private StoreOwnerData data;
    private byte[] envelope;
    private OrderPlaced order;
    private Clock clock;
    private OrderEventsHandler handler;

    @Setup(Level.Trial)
    public void loadSample() throws IOException {
        DiscardedLogs.install();
        data = StoreOwnerData.fromClasspath();
        String text = Samples.orderPlaced("en-US");
        envelope = text.getBytes(StandardCharsets.UTF_8);
        order = Samples.parsed(text);
        clock = Samples.arrivalOf(text);

        InMemoryEngine engine = engine();
        new OrderEventsHandler(engine.aftercart.intake(OrderEventsHandler.DETAIL_TYPES), () -> { })
                .handleRequest(new ByteArrayInputStream(envelope), new ByteArrayOutputStream(), null);
        for (Channel channel : new Channel[] {Channel.EMAIL, Channel.SMS}) {
            LedgerEntry confirmation = engine.ledger.forCustomer(order.customer().customerId()).stream()
                    .filter(e -> e.journeyId().equals(OrderConfirmationBenchmark.JOURNEY) && e.channel() == channel)
                    .findFirst()
                    .orElseThrow();
            if (confirmation.status() != MessageStatus.SENT) {
                throw new IllegalStateException("the confirmation " + channel.id() + " should be sent at once");
            }
        }
    }

    /** Fresh stores and a fresh entry, outside the measurement: journeys and templates stay loaded and compiled. */
    @Setup(Level.Invocation)
    public void freshContainerState() {
        handler = new OrderEventsHandler(engine().aftercart.intake(OrderEventsHandler.DETAIL_TYPES), () -> { });
    }

    private InMemoryEngine engine() {
        return new InMemoryEngine(data, clock).withCrossSellFor(order);
    }

    @Benchmark
    public ByteArrayOutputStream handleOrderPlaced() throws IOException {
        ByteArrayOutputStream outcome = new ByteArrayOutputStream(512);
        handler.handleRequest(new ByteArrayInputStream(envelope), outcome, null);
        return outcome;
    }
}
