package dev.aftercart.core.render;

import dev.aftercart.core.event.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Money and dates as a reader in that locale expects them: "$79.00", "₩79,000", "฿1,290.00". */
public final class LocaleFormats {

    private final Locale locale;
    private final ZoneId zone;

    public LocaleFormats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public String money(Money money) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    /** A count with the locale's grouping: 1,200 points. */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        // Thai readers date by the Buddhist era (2026 is 2569), as Thai forms and receipts do.
        if ("th".equals(locale.getLanguage())) {
            format = format.withChronology(ThaiBuddhistChronology.INSTANCE);
        }
        return format.format(instant.atZone(zone));
    }

    public Locale locale() {
        return locale;
    }
}
