package dev.aftercart.core.customer;

import java.time.Instant;
import java.util.Map;

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
        Map<String, Subscription> subscriptions,
        Instant updatedAt,
        long version) {

    public CustomerProfile {
        engagement = engagement == null ? Engagement.NONE : engagement;
        subscriptions = subscriptions == null ? Map.of() : Map.copyOf(subscriptions);
    }

    public static CustomerProfile newCustomer(String customerId) {
        return new CustomerProfile(customerId, null, null, null, null, null, null, Consent.NONE, Suppression.NONE,
                Loyalty.NONE, Engagement.NONE, Map.of(), Instant.EPOCH, 0);
    }

    public boolean isNew() {
        return version == 0;
    }

    public boolean allowsTransactionalSms() {
        return consent.allowsTransactionalSms(phone != null);
    }

    /** Whether the customer's current phone number was told how to stop marketing texts. */
    public boolean smsOptOutExplained() {
        return engagement.smsOptOutExplained(phone);
    }

    public CustomerProfile withSuppression(Suppression next) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, next,
                loyalty, engagement, subscriptions, updatedAt, version);
    }

    public CustomerProfile withLoyalty(Loyalty next, Instant at) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                next, engagement, subscriptions, at, version);
    }

    /** Engagement is bookkeeping, not news from the store: {@code updatedAt} stays, the version moves on. */
    public CustomerProfile withEngagement(Engagement next) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                loyalty, next, subscriptions, updatedAt, version + 1);
    }

    /** Loyalty is the programme's news, not the store's: {@code updatedAt} stays, the loyalty keeps its own. */
    public CustomerProfile withLoyalty(Loyalty next) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                next, engagement, subscriptions, updatedAt, version);
    }

    public CustomerProfile withReview(String productId, Engagement.ProductReview review) {
        Map<String, Engagement.ProductReview> reviews = new java.util.HashMap<>(engagement.reviews());
        reviews.put(productId, review);
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                loyalty, new Engagement(engagement.marketingSends(), reviews, engagement.smsOptOutExplainedTo()),
                subscriptions, updatedAt, version);
    }

    public CustomerProfile withSubscription(Subscription subscription) {
        Map<String, Subscription> next = new java.util.HashMap<>(subscriptions);
        next.put(subscription.subscriptionId(), subscription);
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                loyalty, engagement, next, updatedAt, version);
    }

    /** A consent change the customer made (preference page, STOP): as of {@code at}, like the store's news. */
    public CustomerProfile withConsent(Consent next, Instant at) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, next, suppression,
                loyalty, engagement, subscriptions, at.isAfter(updatedAt) ? at : updatedAt, version);
    }

    public CustomerProfile withVersion(long next) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                loyalty, engagement, subscriptions, updatedAt, next);
    }

    public CustomerProfile withUpdatedAt(Instant at) {
        return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent, suppression,
                loyalty, engagement, subscriptions, at, version);
    }
}
