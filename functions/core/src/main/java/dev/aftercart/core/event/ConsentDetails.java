package dev.aftercart.core.event;

/** Consent as the store reported it; {@code null} means the event did not say. */
public record ConsentDetails(Boolean emailMarketing, Boolean smsMarketing, Boolean smsTransactional) {

    public static final ConsentDetails UNSTATED = new ConsentDetails(null, null, null);
}
