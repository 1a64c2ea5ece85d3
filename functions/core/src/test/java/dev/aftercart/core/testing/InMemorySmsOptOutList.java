package dev.aftercart.core.testing;

import dev.aftercart.core.port.SmsOptOutList;
import java.util.HashSet;
import java.util.Set;

/** {@link SmsOptOutList} in memory: numbers are opted out by {@link #optOut}, as a STOP reply to SNS would. */
public final class InMemorySmsOptOutList implements SmsOptOutList {

    private final Set<String> optedOut = new HashSet<>();
    private int checks;
    private int optIns;
    private boolean refuseOptIns;

    @Override
    public synchronized boolean isOptedOut(String phoneNumber) {
        checks++;
        return optedOut.contains(phoneNumber);
    }

    /** Takes the number off the list if it is on it, unless {@link #refuseOptIns} says the provider refuses. */
    @Override
    public synchronized boolean optIn(String phoneNumber) {
        if (!optedOut.contains(phoneNumber)) {
            return true;
        }
        optIns++;
        if (refuseOptIns) {
            return false;
        }
        optedOut.remove(phoneNumber);
        return true;
    }

    /** Makes every later opt-in refused, as SNS refuses a second one within 30 days. */
    public synchronized InMemorySmsOptOutList refuseOptIns() {
        refuseOptIns = true;
        return this;
    }

    /** How many times an opt-in of a number on the list was asked for. */
    public synchronized int optIns() {
        return optIns;
    }

    public synchronized InMemorySmsOptOutList optOut(String phoneNumber) {
        optedOut.add(phoneNumber);
        return this;
    }

    /** How many times the list was asked. */
    public synchronized int checks() {
        return checks;
    }
}
