package dev.aftercart.benchmarks;

/**
 * The JIT the functions run with: {@code JAVA_TOOL_OPTIONS} in {@code template.yaml} stops at C1,
 * so the benchmarks fork with the same flags and measure what a warm Lambda does.
 */
final class LambdaJvm {

    static final String TIERED = "-XX:+TieredCompilation";
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private LambdaJvm() {
    }
}
