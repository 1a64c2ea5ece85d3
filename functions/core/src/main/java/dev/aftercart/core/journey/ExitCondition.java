package dev.aftercart.core.journey;

import java.util.Locale;

/** The vocabulary journeys use to end early. Each is re-checked at send time. */
public enum ExitCondition {
    ORDER_CANCELLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExitCondition fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
