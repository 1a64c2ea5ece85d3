package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoliciesTest {

    @Test
    void fromClasspath_readsTheShippedVipTiersAndCrossSellLimit() {
        Policies policies = Policies.fromClasspath();

        assertThat(policies.vipTiers()).containsExactlyInAnyOrder("vip", "gold", "platinum");
        assertThat(policies.crossSellLimit()).isEqualTo(3);
    }

    @Test
    void isVip_comparesTiersIgnoringCase() {
        Policies policies = Policies.parse("{\"vipTiers\": [\"Gold\"]}");

        assertThat(policies.isVip("GOLD")).isTrue();
        assertThat(policies.isVip("gold")).isTrue();
        assertThat(policies.isVip("silver")).isFalse();
    }

    @Test
    void isVip_isFalse_withoutATier() {
        assertThat(Policies.fromClasspath().isVip(null)).isFalse();
    }

    @Test
    void parse_defaultsToNoVipTiersAndThreeCrossSells() {
        Policies policies = Policies.parse("{}");

        assertThat(policies.vipTiers()).isEmpty();
        assertThat(policies.crossSellLimit()).isEqualTo(3);
    }
}
