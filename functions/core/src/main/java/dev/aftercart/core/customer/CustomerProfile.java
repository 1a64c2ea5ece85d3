package dev.aftercart.core.customer;

import java.time.Instant;

/**
 * Everything the journeys know about one customer. {@code updatedAt} is the {@code occurredAt} of
 * the last change applied, so older events are recognised as stale; {@code version} guards
 * concurrent writers.
 */
public record CustomerProfile(
        String customerId,
        String email,
        String phone,
        String firstName,
        String locale,
        String timeZone,
        String region,
        Consent consent,
        Suppression suppression,
        Loyalty loyalty,
        Engagement engagement,
        Instant updatedAt,
        long version) {

    public CustomerProfile {
        engagement = engagement == null ? Engagement.NONE : engagement;
    }

    public static CustomerProfile newCustomer(String customerId) {
        return new CustomerProfile(customerId, null, null, null, null, null, null, Consent.NONE, Suppression.NONE,
                Loyalty.NONE, Engagement.NONE, Instant.EPOCH, 0);
    }

    public boolean isNew() {
        return version == 0;
    }

    public boolean allowsTransactionalSms() {
        return consent.allowsTransactionalSms(phone != null);
    }

    public CustomerProfile withSuppression(Suppression next) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, next,
                loyalty, engagement, updatedAt, version);
    }

    public CustomerProfile withLoyalty(Loyalty next, Instant at) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                next, engagement, at, version);
    }

    /** Engagement is bookkeeping, not news from the store: {@code updatedAt} stays, the version moves on. */
    public CustomerProfile withEngagement(Engagement next) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                loyalty, next, updatedAt, version + 1);
    }

    public CustomerProfile withVersion(long next) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                loyalty, engagement, updatedAt, next);
    }

    public CustomerProfile withUpdatedAt(Instant at) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                loyalty, engagement, at, version);
    }
}
