package dev.aftercart.core.render;

import java.util.Map;

/**
 * An event Aftercart publishes, such as {@code Service Recovery Requested}. Its detail carries ids
 * and facts, never the customer's contact details or words: the receiver looks those up.
 */
public record BusEvent(String messageId, String detailType, Map<String, Object> detail) {

    /** The source Aftercart publishes under, so rules can tell its events from the store's. */
    public static final String SOURCE = "aftercart";

    public BusEvent {
        detail = Map.copyOf(detail);
    }
}
