package dev.aftercart.local;

import dev.aftercart.core.feedback.InboundSms;
import dev.aftercart.core.feedback.SmsKeywords;
import dev.aftercart.core.port.SmsOptOutList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SMS provider's own opt-out list, in memory: empty at start, and a number is added when it
 * texts a STOP word to the local sms-inbound function, as the provider adds it on AWS whatever
 * Aftercart's own handler does. A number comes off when that handler opts it in after a START.
 */
public final class LocalSmsOptOuts implements SmsOptOutList {

    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();

    @Override
    public boolean isOptedOut(String phoneNumber) {
        return optedOut.contains(phoneNumber);
    }

    @Override
    public boolean optIn(String phoneNumber) {
        optedOut.remove(phoneNumber);
        return true;
    }

    /** Notes a text the provider received: a STOP word opts its number out. */
    public void received(InboundSms sms) {
        if (SmsKeywords.STOP.contains(SmsKeywords.keyword(sms.body()))) {
            optedOut.add(sms.fromNumber());
        }
    }

    public int size() {
        return optedOut.size();
    }
}
