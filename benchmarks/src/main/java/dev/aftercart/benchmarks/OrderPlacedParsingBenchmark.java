package dev.aftercart.benchmarks;

import dev.aftercart.core.event.EventParser;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.json.Json;
import dev.aftercart.functions.orders.OrderEventsHandler;
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
 * What the order-events function does to an {@code Order Placed} before the engine sees it: read
 * the envelope's JSON, then check envelope and detail against the contract. The sample is the
 * contract's own (three lines, a sale price, an address).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {LambdaJvm.TIERED, LambdaJvm.C1_ONLY})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class OrderPlacedParsingBenchmark {

    private final EventParser parser = new EventParser(OrderEventsHandler.DETAIL_TYPES);
    private String envelope;
    private Map<String, Object> json;

    @Setup
    public void readSample() {
        envelope = Samples.orderPlaced("en-US");
        json = Json.parseObject(envelope);
    }

    /** JSON text to maps, with the project's own strict reader. */
    @Benchmark
    public Map<String, Object> readJson() {
        return Json.parseObject(envelope);
    }

    /** Envelope and detail validated into an {@code OrderPlaced}, from maps already read. */
    @Benchmark
    public ShopEvent validate() {
        return parser.parse(json);
    }

    /** Both, from the text Lambda hands the function. */
    @Benchmark
    public ShopEvent readAndValidate() {
        return parser.parse(Json.parseObject(envelope));
    }
}
