package dev.aftercart.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.testing.Fixtures;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CustomerZoneTest {

    private static final ZoneId STORE = ZoneId.of("America/New_York");

    @Test
    void profileTimeZone_winsOverRegionAndPhone() {
        var profile = Fixtures.profile("c-1").timeZone("Asia/Bangkok").region("US-CA").phone("+821012345678").build();

        assertThat(CustomerZone.of(profile, STORE)).isEqualTo(ZoneId.of("Asia/Bangkok"));
    }

    @Test
    void withoutATimeZone_aUsStateGivesItsZone() {
        var profile = Fixtures.profile("c-1").timeZone(null).region("US-WA").phone("+821012345678").build();

        assertThat(CustomerZone.of(profile, STORE)).isEqualTo(ZoneId.of("America/Los_Angeles"));
    }

    @Test
    void withoutATimeZoneOrUsState_thePhonesCountryGivesItsZone() {
        var profile = Fixtures.profile("c-1").timeZone(null).region("KR-11").phone("+821012345678").build();

        assertThat(CustomerZone.of(profile, STORE)).isEqualTo(ZoneId.of("Asia/Seoul"));
    }

    @Test
    void phoneCountry_isReadWithItsThreeDigitCallingCode() {
        var hongKong = Fixtures.profile("c-1").timeZone(null).region(null).phone("+85291234567").build();
        var finland = Fixtures.profile("c-1").timeZone(null).region(null).phone("+358401234567").build();

        assertThat(CustomerZone.of(hongKong, STORE)).isEqualTo(ZoneId.of("Asia/Hong_Kong"));
        assertThat(CustomerZone.of(finland, STORE)).isEqualTo(ZoneId.of("Europe/Helsinki"));
    }

    @Test
    void phoneOfACountryWithSeveralZones_fallsBackToTheStoreDefault() {
        var profile = Fixtures.profile("c-1").timeZone(null).region(null).phone("+14155550199").build();

        assertThat(CustomerZone.of(profile, STORE)).isEqualTo(STORE);
    }

    @Test
    void nothingKnown_isTheStoreDefault() {
        var profile = Fixtures.profile("c-1").timeZone(null).region(null).phone(null).build();

        assertThat(CustomerZone.of(profile, ZoneId.of("Europe/Berlin"))).isEqualTo(ZoneId.of("Europe/Berlin"));
    }
}
