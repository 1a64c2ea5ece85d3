package dev.aftercart.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.event.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocaleFormatsTest {

    private static LocaleFormats formats(String tag, String zone) {
        return new LocaleFormats(Locale.forLanguageTag(tag), ZoneId.of(zone));
    }

    @Test
    void money_inUsDollars_forEnUs() {
        assertThat(formats("en-US", "America/New_York").money(Money.of("1234.5", "USD"))).isEqualTo("$1,234.50");
    }

    @Test
    void money_inWon_forKoKr_hasNoDecimals() {
        LocaleFormats ko = formats("ko-KR", "Asia/Seoul");

        assertThat(ko.money(Money.of("79000", "KRW"))).isEqualTo("₩79,000");
        assertThat(ko.money(Money.of("79000.00", "KRW"))).isEqualTo("₩79,000");
    }

    @Test
    void money_inBaht_forThTh_hasTheBahtSign() {
        assertThat(formats("th-TH", "Asia/Bangkok").money(Money.of("1290", "THB"))).isEqualTo("฿1,290.00");
    }

    @Test
    void money_usesTheCurrencysOwnDecimals_inAnotherLocale() {
        assertThat(formats("en-US", "America/New_York").money(Money.of("79000", "KRW"))).isEqualTo("₩79,000");
    }

    @Test
    void money_absent_isEmpty() {
        assertThat(formats("en-US", "UTC").money(null)).isEmpty();
    }

    @Test
    void date_isTheDayInTheCustomersZone() {
        // given: 23:30 UTC on the 20th is already the 21st in Seoul
        Instant instant = Instant.parse("2026-11-20T23:30:00Z");

        // then
        assertThat(formats("en-US", "America/Los_Angeles").date(instant)).isEqualTo("November 20, 2026");
        assertThat(formats("ko-KR", "Asia/Seoul").date(instant)).isEqualTo("2026년 11월 21일");
        assertThat(formats("en-US", "Asia/Seoul").date(instant)).isEqualTo("November 21, 2026");
    }

    @Test
    void date_absent_isEmpty() {
        assertThat(formats("en-US", "UTC").date(null)).isEmpty();
    }
}
