package dev.aftercart.benchmarks;

import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * The HMAC-signed tokens of unsubscribe and preference links: every email signs at least one, and
 * the preferences function checks one per click. A forged token costs a full check too, since
 * signatures are compared in constant time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {LambdaJvm.TIERED, LambdaJvm.C1_ONLY})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class LinkTokenBenchmark {

    private static final String CUSTOMER = "cus-1001";

    private final LinkTokens tokens = new LinkTokens(Fixtures.LINK_KEY,
            Clock.fixed(Instant.parse("2026-11-16T17:05:05Z"), ZoneOffset.UTC), Duration.ofDays(90));
    private String issued;
    private String forged;

    @Setup
    public void issueOne() {
        issued = tokens.issue(CUSTOMER, LinkTokens.EMAIL_MARKETING);
        char last = issued.charAt(issued.length() - 1);
        forged = issued.substring(0, issued.length() - 1) + (last == 'A' ? 'B' : 'A');
        if (!(tokens.verify(issued) instanceof LinkTokens.Check.Valid)
                || !(tokens.verify(forged) instanceof LinkTokens.Check.Refused)) {
            throw new IllegalStateException("the issued token must verify and the forged one must not");
        }
    }

    @Benchmark
    public String issue() {
        return tokens.issue(CUSTOMER, LinkTokens.EMAIL_MARKETING);
    }

    @Benchmark
    public LinkTokens.Check verify() {
        return tokens.verify(issued);
    }

    @Benchmark
    public LinkTokens.Check verifyForged() {
        return tokens.verify(forged);
    }
}
