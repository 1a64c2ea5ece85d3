package dev.aftercart.core.feedback;

import java.time.Instant;

/** A text a customer sent back to the store's number, from two-way SMS. */
public record InboundSms(String messageId, String fromNumber, String body, Instant at) {
}
