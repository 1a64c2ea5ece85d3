package dev.aftercart.core.render;

/** A template could not be rendered: missing, or naming a variable the model lacks. */
public final class RenderException extends RuntimeException {

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
