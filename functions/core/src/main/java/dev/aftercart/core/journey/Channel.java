package dev.aftercart.core.journey;

import java.util.Locale;

public enum Channel {
    EMAIL,
    SMS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
