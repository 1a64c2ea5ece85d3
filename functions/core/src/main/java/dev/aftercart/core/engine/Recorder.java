package dev.aftercart.core.engine;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.OrderStatus;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.customer.ReturnRecord;
import dev.aftercart.core.customer.Subscription;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.event.ConsentDetails;
import dev.aftercart.core.event.CustomerDetails;
import dev.aftercart.core.event.CustomerUpdated;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ProductUpdated;
import dev.aftercart.core.event.LoyaltyUpdated;
import dev.aftercart.core.event.ReturnUpdated;
import dev.aftercart.core.event.ReviewSubmitted;
import dev.aftercart.core.event.ShipmentUpdated;
import dev.aftercart.core.event.SubscriptionUpdated;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.port.Catalog;
import dev.aftercart.core.port.CustomerStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Step one of every event: fold it into the customer's state. Every write is conditional, and
 * state that is newer than the event wins, so duplicates and out-of-order delivery are harmless.
 */
public final class Recorder {

    private static final int ATTEMPTS = 5;

    private final CustomerStore customers;
    private final Catalog catalog;

    public Recorder(CustomerStore customers, Catalog catalog) {
        this.customers = customers;
        this.catalog = catalog;
    }

    public Recording record(ShopEvent event) {
        return switch (event) {
            case OrderPlaced placed -> orderPlaced(placed);
            case OrderCancelled cancelled -> orderCancelled(cancelled);
            case CustomerUpdated updated -> customerUpdated(updated);
            case ProductUpdated product -> productUpdated(product);
            case ShipmentUpdated shipment -> shipmentUpdated(shipment);
            case ReviewSubmitted review -> reviewSubmitted(review);
            case ReturnUpdated returned -> returnUpdated(returned);
            case LoyaltyUpdated loyalty -> loyaltyUpdated(loyalty);
            case SubscriptionUpdated subscription -> subscriptionUpdated(subscription);
        };
    }

    /**
     * A review is kept on the profile, per product, for exits and suppression; an older one than kept
     * is stale, the same one again a duplicate (so a retried event still plans what it triggers).
     */
    private Recording reviewSubmitted(ReviewSubmitted event) {
        ProfileChange change = changeProfile(event.customerId(), current -> {
            Engagement.ProductReview kept = current.engagement().reviews().get(event.productId());
            if (kept != null && kept.at().isAfter(event.occurredAt())) {
                return current;
            }
            return current.withReview(event.productId(), new Engagement.ProductReview(event.rating(), event.occurredAt()));
        });
        OrderRecord order = event.orderId() == null ? null
                : customers.order(event.customerId(), event.orderId()).filter(OrderRecord::isKnown).orElse(null);
        return new Recording(change.state(), change.profile(), order);
    }

    /** A return's status on its order; older than the status kept is stale, the same again a duplicate. */
    private Recording returnUpdated(ReturnUpdated event) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            OrderRecord order = customers.order(event.customerId(), event.orderId())
                    .filter(OrderRecord::isKnown)
                    .orElseThrow(() -> new OrderNotYetKnownException(event.orderId()));
            CustomerProfile profile = customers.profile(event.customerId()).orElse(null);
            ReturnRecord current = order.returns().get(event.returnId());
            if (current != null && event.occurredAt().isBefore(current.statusAt())) {
                return new Recording(RecordState.STALE, profile, order);
            }
            if (current != null && current.status() == event.status()) {
                return new Recording(RecordState.DUPLICATE, profile, order);
            }
            OrderRecord updated = order.withReturn(new ReturnRecord(event.returnId(), event.status(), event.occurredAt(),
                    event.items(), event.refundAmount() != null || current == null ? event.refundAmount()
                            : current.refundAmount()));
            if (customers.saveOrder(updated, order.version())) {
                return new Recording(RecordState.RECORDED, profile, updated);
            }
        }
        throw new ConcurrentUpdateException("order");
    }

    /** The programme's latest standing; the tier before it is a fact for "tier upgraded". */
    private Recording loyaltyUpdated(LoyaltyUpdated event) {
        String[] previousTier = new String[1];
        ProfileChange change = changeProfile(event.customerId(), current -> {
            if (current.loyalty().updatedAt().isAfter(event.occurredAt())) {
                return current;
            }
            previousTier[0] = current.loyalty().tier();
            return current.withLoyalty(new Loyalty(event.member(), event.tier(), event.pointsBalance(),
                    event.pointsExpiring(), event.occurredAt()));
        });
        Map<String, Object> facts = new HashMap<>();
        if (previousTier[0] != null) {
            facts.put("previousTier", previousTier[0]);
        }
        return new Recording(change.state(), change.profile(), null, facts);
    }

    /** Billing's latest state of one subscription; an older report than kept is stale. */
    private Recording subscriptionUpdated(SubscriptionUpdated event) {
        ProfileChange change = changeProfile(event.customerId(), current -> {
            Subscription kept = current.subscriptions().get(event.subscriptionId());
            if (kept != null && kept.updatedAt().isAfter(event.occurredAt())) {
                return current;
            }
            return current.withSubscription(new Subscription(event.subscriptionId(), event.status(),
                    event.productId() != null || kept == null ? event.productId() : kept.productId(),
                    event.nextChargeAt(), event.amount() != null || kept == null ? event.amount() : kept.amount(),
                    event.manageUrl() != null || kept == null ? event.manageUrl() : kept.manageUrl(),
                    event.occurredAt()));
        });
        return new Recording(change.state(), change.profile(), null);
    }

    private Recording orderPlaced(OrderPlaced event) {
        ProfileChange profile = updateProfile(event.customer(), event.occurredAt());
        String customerId = event.customer().customerId();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<OrderRecord> stored = customers.order(customerId, event.orderId());
            if (stored.isPresent() && stored.get().isKnown()) {
                return new Recording(RecordState.DUPLICATE, profile.profile(), stored.get());
            }
            // A cancellation that overtook its order left a stub: fill it in, keep it cancelled.
            OrderStatus status = stored.map(OrderRecord::status).orElse(OrderStatus.PLACED);
            String cancelReason = stored.map(OrderRecord::cancelReason).orElse(null);
            long expected = stored.map(OrderRecord::version).orElse(0L);
            Instant updatedAt = stored.map(o -> later(o.updatedAt(), event.occurredAt())).orElse(event.occurredAt());
            OrderRecord order = new OrderRecord(customerId, event.orderId(), event.orderNumber(), event.placedAt(),
                    event.items(), event.subtotal(), event.discount(), event.shipping(), event.tax(), event.total(),
                    status, cancelReason, stored.map(OrderRecord::shipments).orElse(null),
                    stored.map(OrderRecord::returns).orElse(null), updatedAt, expected + 1);
            if (customers.saveOrder(order, expected)) {
                // Counted once, on the order's first write; an order cancelled before it arrived was never bought.
                if (status == OrderStatus.PLACED) {
                    catalog.recordPurchase(event.items(), event.occurredAt());
                }
                return new Recording(RecordState.RECORDED, profile.profile(), order);
            }
        }
        throw new ConcurrentUpdateException("order");
    }

    private Recording orderCancelled(OrderCancelled event) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<OrderRecord> stored = customers.order(event.customerId(), event.orderId());
            OrderRecord next;
            long expected;
            if (stored.isEmpty()) {
                expected = 0;
                next = new OrderRecord(event.customerId(), event.orderId(), null, null, null, null, null, null, null,
                        null, OrderStatus.CANCELLED, event.reason(), null, null, event.occurredAt(), 1);
            } else {
                OrderRecord order = stored.get();
                if (order.isCancelled()) {
                    return new Recording(RecordState.DUPLICATE, null, order);
                }
                if (order.updatedAt().isAfter(event.occurredAt())) {
                    return new Recording(RecordState.STALE, null, order);
                }
                expected = order.version();
                next = order.cancelled(event.reason(), event.occurredAt());
            }
            if (customers.saveOrder(next, expected)) {
                return new Recording(RecordState.RECORDED, null, next);
            }
        }
        throw new ConcurrentUpdateException("order");
    }

    /**
     * Folds a carrier update into its order. An update older than the shipment's current status,
     * or any status after delivered or returned-to-sender (a late "in transit" scan), is stale;
     * the same status again is a duplicate.
     */
    private Recording shipmentUpdated(ShipmentUpdated event) {
        String customerId = event.customerId() != null
                ? event.customerId()
                : customers.customerIdForOrder(event.orderId()).orElseThrow(() -> new OrderNotYetKnownException(event.orderId()));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            OrderRecord order = customers.order(customerId, event.orderId())
                    .orElseThrow(() -> new OrderNotYetKnownException(event.orderId()));
            CustomerProfile profile = customers.profile(customerId).orElse(null);
            if (!order.isKnown()) {
                // Cancelled before its Order Placed arrived: nothing to tell the customer about this parcel.
                return new Recording(RecordState.STALE, profile, order);
            }
            ShipmentRecord current = order.shipments().get(event.shipmentId());
            if (current != null) {
                if (event.occurredAt().isBefore(current.statusAt())
                        || current.status().isFinal() && current.status() != event.status()) {
                    return new Recording(RecordState.STALE, profile, order);
                }
                if (current.status() == event.status() && !refreshes(current, event)) {
                    return new Recording(RecordState.DUPLICATE, profile, order);
                }
            }
            // The same status again keeps the time it was first reported; new details (a later ETA) are kept.
            Instant statusAt = current != null && current.status() == event.status() ? current.statusAt() : event.occurredAt();
            ShipmentRecord next = new ShipmentRecord(event.shipmentId(), event.status(), statusAt,
                    event.carrier() != null || current == null ? event.carrier() : current.carrier(),
                    event.trackingNumber() != null || current == null ? event.trackingNumber() : current.trackingNumber(),
                    event.trackingUrl() != null || current == null ? event.trackingUrl() : current.trackingUrl(),
                    event.estimatedDelivery() != null || current == null ? event.estimatedDelivery() : current.estimatedDelivery(),
                    event.items() != null || current == null ? event.items() : current.items());
            OrderRecord updated = order.withShipment(next);
            if (customers.saveOrder(updated, order.version())) {
                return new Recording(RecordState.RECORDED, profile, updated);
            }
        }
        throw new ConcurrentUpdateException("order");
    }

    /** Whether an update of the same status brings details the record lacks or has older. */
    private static boolean refreshes(ShipmentRecord current, ShipmentUpdated event) {
        return changed(event.carrier(), current.carrier()) || changed(event.trackingNumber(), current.trackingNumber())
                || changed(event.trackingUrl(), current.trackingUrl())
                || changed(event.estimatedDelivery(), current.estimatedDelivery())
                || changed(event.items(), current.items());
    }

    private static boolean changed(Object given, Object known) {
        return given != null && !given.equals(known);
    }

    private Recording customerUpdated(CustomerUpdated event) {
        ProfileChange change = updateProfile(event.customer(), event.occurredAt());
        return new Recording(change.state(), change.profile(), null);
    }

    private Recording productUpdated(ProductUpdated event) {
        Product product = new Product(event.productId(), event.name(), event.category(), event.url(),
                event.imageUrl(), event.price(), event.usageDays(), event.replenishAfterDays(), event.active(),
                event.occurredAt());
        boolean saved = catalog.saveProduct(product);
        return new Recording(saved ? RecordState.RECORDED : RecordState.STALE, null, null);
    }

    record ProfileChange(RecordState state, CustomerProfile profile) {
    }

    private ProfileChange updateProfile(CustomerDetails details, Instant at) {
        return changeProfile(details.customerId(), current -> current.updatedAt().isAfter(at)
                ? current
                : merge(current, details, at));
    }

    /** Applies {@code change} with optimistic concurrency; returning the input unchanged means stale. */
    ProfileChange changeProfile(String customerId, UnaryOperator<CustomerProfile> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CustomerProfile current = customers.profile(customerId).orElse(CustomerProfile.newCustomer(customerId));
            CustomerProfile next = change.apply(current);
            if (next == current) {
                return new ProfileChange(RecordState.STALE, current);
            }
            if (next.equals(current)) {
                return new ProfileChange(RecordState.DUPLICATE, current);
            }
            CustomerProfile versioned = next.withVersion(current.version() + 1);
            if (customers.saveProfile(versioned, current.version())) {
                return new ProfileChange(RecordState.RECORDED, versioned);
            }
        }
        throw new ConcurrentUpdateException("customer profile");
    }

    /** The profile with the event's details laid over it: given fields win, absent ones keep what is known. */
    static CustomerProfile merge(CustomerProfile current, CustomerDetails details, Instant at) {
        String email = details.email() != null ? details.email() : current.email();
        boolean sameAddress = current.email() != null && current.email().equalsIgnoreCase(email);
        // Suppression belongs to an address: a new address starts clean.
        Suppression suppression = sameAddress || current.email() == null && email == null
                ? current.suppression()
                : Suppression.NONE;
        String phone = details.phone() != null ? details.phone() : current.phone();
        // Marketing texts are agreed to per number: a new one starts without that consent.
        Consent known = current.phone() != null && !current.phone().equals(phone)
                ? current.consent().forNewPhoneNumber()
                : current.consent();
        ConsentDetails given = details.consent();
        Consent consent = known.fromStore(given.emailMarketing(), given.smsMarketing(), given.smsTransactional());
        CustomerProfile merged = new CustomerProfile(current.customerId(), email, phone,
                details.firstName() != null ? details.firstName() : current.firstName(),
                details.locale() != null ? details.locale() : current.locale(),
                details.timeZone() != null ? details.timeZone() : current.timeZone(),
                details.region() != null ? details.region() : current.region(),
                consent, suppression, current.loyalty(), current.engagement(), current.subscriptions(),
                current.updatedAt(), current.version());
        // Nothing new: keep the stored timestamp so the write is skipped as a duplicate.
        if (merged.equals(current)) {
            return merged;
        }
        return merged.withUpdatedAt(later(current.updatedAt(), at));
    }


    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
