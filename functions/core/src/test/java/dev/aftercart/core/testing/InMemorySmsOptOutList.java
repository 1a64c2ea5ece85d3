package dev.aftercart.core.testing;

import dev.aftercart.core.port.SmsOptOutList;
import java.util.HashSet;
import java.util.Set;

/** {@link SmsOptOutList} in memory: numbers are opted out by {@link #optOut}, as a STOP reply to SNS would. */
public final class InMemorySmsOptOutList implements SmsOptOutList {

    private final Set<String> optedOut = new HashSet<>();
    private int checks;

    @Override
    public synchronized boolean isOptedOut(String phoneNumber) {
        checks++;
        return optedOut.contains(phoneNumber);
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
