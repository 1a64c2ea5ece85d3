package dev.aftercart.core.json;

/** Text that is not well-formed JSON. The message gives the rule broken and the offset, never the content. */
public final class JsonException extends RuntimeException {

    public JsonException(String message) {
        super(message);
    }
}
