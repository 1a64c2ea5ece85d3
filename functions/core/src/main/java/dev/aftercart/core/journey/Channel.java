package dev.aftercart.core.journey;

import java.util.Locale;

/** How a message reaches its audience: the customer by email or SMS, or a system by an event on the bus. */
public enum Channel {
    EMAIL,
    SMS,
    /** An event on the store's EventBridge bus, for a help desk or another system to act on. */
    EVENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
