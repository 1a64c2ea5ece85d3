package dev.aftercart.core.preferences;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.engine.ConcurrentUpdateException;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.EventPublisher;
import dev.aftercart.core.render.BusEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A consent change the customer made here (an unsubscribe link, the preference page, a STOP
 * text): written to the profile with optimistic concurrency, then announced on the bus as
 * {@code Customer Consent Changed}, so the store can bring its own records in line; otherwise its
 * next export would still say "subscribed".
 *
 * <p>The change is honoured before it is announced, and a failed announcement does not undo it or
 * fail the request: an unsubscribe must hold even while the bus is down. The event would be lost to
 * a retry (which finds nothing left to change), so instead the failure is logged with the whole
 * event, which carries ids and choices and no contact details, for an operator to put on the bus,
 * and counted in {@code Aftercart/ConsentAnnouncementsFailed}, which an alarm watches.
 */
public final class ConsentChanges {

    public static final String DETAIL_TYPE = "Customer Consent Changed";
    private static final int ATTEMPTS = 5;

    private final CustomerStore customers;
    private final EventPublisher events;
    private final Clock clock;

    public ConsentChanges(CustomerStore customers, EventPublisher events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies {@code change} to the customer's consent.
     *
     * @param via how the customer said it, e.g. {@code unsubscribe_link}; part of the event
     * @return whether anything changed: {@code false} for an unknown customer or a repeat
     */
    public boolean apply(String customerId, String via, UnaryOperator<Consent> change) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CustomerProfile> current = customers.profile(customerId);
            if (current.isEmpty()) {
                return false;
            }
            CustomerProfile profile = current.get();
            Consent next = change.apply(profile.consent());
            if (next.equals(profile.consent())) {
                return false;
            }
            // The profile's updatedAt orders the store's events; the customer's own choice is not one of them,
            // so an earlier store event that arrives late still applies (and cannot undo a withdrawal).
            CustomerProfile updated = profile.withConsent(next, profile.updatedAt()).withVersion(profile.version() + 1);
            if (customers.saveProfile(updated, profile.version())) {
                announce(updated, via, now);
                return true;
            }
        }
        throw new ConcurrentUpdateException("customer profile");
    }

    private void announce(CustomerProfile profile, String via, Instant at) {
        Consent consent = profile.consent();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("customerId", profile.customerId());
        detail.put("emailMarketing", consent.emailMarketing());
        detail.put("smsMarketing", consent.smsMarketing());
        detail.put("topicsOff", consent.topicsOff().stream().sorted().toList());
        detail.put("via", via);
        detail.put("changedAt", at.toString());
        String id = MessageId.of("consent", profile.customerId(), via, String.valueOf(profile.version()));
        Log.info("consent_changed", "customerId", profile.customerId(), "via", via,
                "emailMarketing", consent.emailMarketing(), "smsMarketing", consent.smsMarketing());
        String failure;
        try {
            failure = events.publish(new BusEvent(id, DETAIL_TYPE, detail)) instanceof Delivery.Refused refused
                    ? refused.code() : null;
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName();
        }
        if (failure != null) {
            Log.error("consent_announce_failed", "eventId", id, "detailType", DETAIL_TYPE, "detail", detail,
                    "error", failure);
            Log.metric("ConsentAnnouncementsFailed", 1, "Count", Map.of(), at);
        }
    }
}
