package dev.aftercart.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonPropertiesTest {

    @Property(tries = 500)
    void writeThenParse_givesBackTheSameTree(@ForAll("trees") Object tree) {
        // when
        Object back = Json.parse(Json.write(tree));

        // then
        assertThat(back).isEqualTo(tree);
    }

    @Property(tries = 300)
    void write_neverEmitsARawControlOrLineSeparatorCharacter(@ForAll("trees") Object tree) {
        String json = Json.write(tree);

        assertThat(json.chars()).noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029);
    }

    @Provide
    Arbitrary<Object> trees() {
        return Arbitraries.recursive(this::leaves, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(list -> (Object) list),
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), inner).ofMaxSize(4).map(map -> (Object) map)),
                0, 4);
    }

    private Arbitrary<Object> leaves() {
        // Scale >= 0: the writer prints plain decimals, so 1E+3 comes back as 1000 (equal value, other scale).
        Arbitrary<Object> decimals = Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .flatMap(unscaled -> Arbitraries.integers().between(0, 12).map(scale -> (Object) new BigDecimal(unscaled, scale)));
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                decimals,
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
    }
}
