package dev.aftercart.core.port;

/** The SMS provider's own opt-out list: numbers that replied STOP to the store's sender. */
public interface SmsOptOutList {

    boolean isOptedOut(String phoneNumber);
}
