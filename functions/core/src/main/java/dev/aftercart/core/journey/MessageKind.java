package dev.aftercart.core.journey;

import java.util.Locale;

/**
 * Decides which policies apply. Transactional messages ignore marketing opt-outs and caps but
 * never a hard bounce or complaint; marketing needs consent and passes every cap and quiet hour.
 */
public enum MessageKind {
    TRANSACTIONAL,
    MARKETING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
