package dev.aftercart.core.port;

/** What a provider said to a send, after its own retries. */
public sealed interface Delivery {

    /** Accepted for delivery; {@code providerMessageId} is SES's or SNS's id for it. */
    record Accepted(String providerMessageId) implements Delivery {
    }

    /** Not accepted. {@code code} is the provider's error code, never message content. */
    record Refused(String code, boolean permanent) implements Delivery {
    }
}
