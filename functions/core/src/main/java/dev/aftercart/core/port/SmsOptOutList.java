package dev.aftercart.core.port;

/** The SMS provider's own opt-out list: numbers that replied STOP to the store's sender. */
public interface SmsOptOutList {

    boolean isOptedOut(String phoneNumber);

    /**
     * Takes a number off the list after its owner texted START or UNSTOP, if it is on it: the list
     * is asked afresh, never from a kept answer, since the STOP that put it there may be minutes
     * old. The provider may refuse (SNS opts a number in at most once every 30 days): then it stays
     * on the list, and texts to it keep being skipped with the reason.
     *
     * @return whether the number is off the list now
     */
    boolean optIn(String phoneNumber);
}
