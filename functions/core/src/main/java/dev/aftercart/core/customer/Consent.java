package dev.aftercart.core.customer;

import java.util.HashSet;
import java.util.Set;

/**
 * What the customer agreed to. Marketing is opt-in per channel. {@code smsTransactional} is
 * {@code null} until the store says; then order texts are allowed when a phone was given.
 * {@code topicsOff} are the preference page's topics the customer turned off, such as
 * {@code review_requests}; order and shipping updates are not a topic one can turn off.
 *
 * <p>{@code withdrawnByCustomer} names the marketing channels ({@link #EMAIL_MARKETING},
 * {@link #SMS_MARKETING}) the customer turned off here, by an unsubscribe link, the preference
 * page or a STOP text. Such a withdrawal sticks: a store's event saying the channel is allowed
 * (often a stale copy of its own records) does not turn it back on; only the customer does, here.
 */
public record Consent(boolean emailMarketing, boolean smsMarketing, Boolean smsTransactional, Set<String> topicsOff,
        Set<String> withdrawnByCustomer) {

    public static final String EMAIL_MARKETING = "email_marketing";
    public static final String SMS_MARKETING = "sms_marketing";
    /**
     * A STOP texted while marketing texts were already off: nothing for START to restore, but the
     * store cannot turn them on either; only the customer can, by START or on the preference page.
     */
    public static final String SMS_MARKETING_STOPPED = "sms_marketing_stopped";

    public static final Consent NONE = new Consent(false, false, null);

    public Consent {
        topicsOff = topicsOff == null ? Set.of() : Set.copyOf(topicsOff);
        withdrawnByCustomer = withdrawnByCustomer == null ? Set.of() : Set.copyOf(withdrawnByCustomer);
    }

    public Consent(boolean emailMarketing, boolean smsMarketing, Boolean smsTransactional) {
        this(emailMarketing, smsMarketing, smsTransactional, Set.of(), Set.of());
    }

    public boolean allowsTransactionalSms(boolean hasPhone) {
        return smsTransactional != null ? smsTransactional : hasPhone;
    }

    public boolean allowsTopic(String topic) {
        return topic == null || !topicsOff.contains(topic);
    }

    /** The store's word on marketing consent; a channel the customer withdrew here stays withdrawn. */
    public Consent fromStore(Boolean email, Boolean sms, Boolean transactionalSms) {
        boolean nextEmail = email == null || email && withdrawnByCustomer.contains(EMAIL_MARKETING) ? emailMarketing : email;
        boolean smsWithdrawn = withdrawnByCustomer.contains(SMS_MARKETING)
                || withdrawnByCustomer.contains(SMS_MARKETING_STOPPED);
        boolean nextSms = sms == null || sms && smsWithdrawn ? smsMarketing : sms;
        return new Consent(nextEmail, nextSms, transactionalSms != null ? transactionalSms : smsTransactional, topicsOff,
                withdrawnByCustomer);
    }

    /** The customer's own choice on marketing email, made here; a withdrawal sticks. */
    public Consent withEmailMarketing(boolean on) {
        if (on == emailMarketing) {
            return this;
        }
        return new Consent(on, smsMarketing, smsTransactional, topicsOff, choice(EMAIL_MARKETING, on));
    }

    /**
     * The customer's explicit "no" to marketing email (a one-click unsubscribe): recorded as a
     * withdrawal even when consent was already off, so a stale "subscribed" from the store cannot
     * turn it on later.
     */
    public Consent withdrawEmailMarketing() {
        return new Consent(false, smsMarketing, smsTransactional, topicsOff, choice(EMAIL_MARKETING, false));
    }

    /** The customer's own choice on marketing SMS, made here; a withdrawal sticks. */
    public Consent withSmsMarketing(boolean on) {
        if (on == smsMarketing) {
            return this;
        }
        return new Consent(emailMarketing, on, smsTransactional, topicsOff, choice(SMS_MARKETING, on));
    }

    /**
     * A STOP: marketing texts end, and the withdrawal sticks against the store even when they were
     * already off (then marked {@link #SMS_MARKETING_STOPPED}, which START does not turn into consent).
     */
    public Consent withdrawSmsMarketing() {
        if (smsMarketing) {
            return new Consent(emailMarketing, false, smsTransactional, topicsOff, choice(SMS_MARKETING, false));
        }
        if (withdrawnByCustomer.contains(SMS_MARKETING) || withdrawnByCustomer.contains(SMS_MARKETING_STOPPED)) {
            return this;
        }
        Set<String> next = new HashSet<>(withdrawnByCustomer);
        next.add(SMS_MARKETING_STOPPED);
        return new Consent(emailMarketing, false, smsTransactional, topicsOff, next);
    }

    /**
     * A START or UNSTOP: undoes a STOP. Marketing texts the customer had agreed to come back; the
     * store may speak for them again. It never consents to texts the customer never agreed to.
     */
    public Consent restoreSmsMarketing() {
        if (!withdrawnByCustomer.contains(SMS_MARKETING) && !withdrawnByCustomer.contains(SMS_MARKETING_STOPPED)) {
            return this;
        }
        Set<String> next = new HashSet<>(withdrawnByCustomer);
        boolean restore = next.remove(SMS_MARKETING);
        next.remove(SMS_MARKETING_STOPPED);
        return new Consent(emailMarketing, smsMarketing || restore, smsTransactional, topicsOff, next);
    }

    /**
     * The consent a new phone number starts with: marketing texts are agreed to per number (TCPA),
     * so they are off until the store or the customer says otherwise, and a STOP texted from the old
     * number does not bind the new one. Order texts stay as the store said.
     */
    public Consent forNewPhoneNumber() {
        Set<String> next = new HashSet<>(withdrawnByCustomer);
        next.remove(SMS_MARKETING);
        next.remove(SMS_MARKETING_STOPPED);
        return new Consent(emailMarketing, false, smsTransactional, topicsOff, next);
    }

    public Consent withTopicsOff(Set<String> off) {
        return new Consent(emailMarketing, smsMarketing, smsTransactional, off, withdrawnByCustomer);
    }

    private Set<String> choice(String channel, boolean on) {
        Set<String> next = new HashSet<>(withdrawnByCustomer);
        if (on) {
            next.remove(channel);
            if (channel.equals(SMS_MARKETING)) {
                next.remove(SMS_MARKETING_STOPPED);
            }
        } else {
            next.add(channel);
        }
        return next;
    }
}
