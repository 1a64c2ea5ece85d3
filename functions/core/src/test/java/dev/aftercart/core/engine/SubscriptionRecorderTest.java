package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.remove;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Subscription;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.SubscriptionStatus;
import dev.aftercart.core.event.SubscriptionUpdated;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Billing's latest state of each subscription, kept on the profile; fields a report leaves out keep what is known. */
class SubscriptionRecorderTest {

    private static final Instant REPORTED_AT = Instant.parse("2026-11-25T15:00:00Z");
    private static final Instant CHARGES_AT = Instant.parse("2026-12-10T07:00:00Z");
    private static final String MANAGE_URL = "https://shop.example/account/subscriptions/sub-5001";

    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final Recorder recorder = new Recorder(customers, new InMemoryCatalog());

    private static Map<String, Object> active() {
        return event("issue4-subscription-active.json");
    }

    /** The subscription paused at {@code occurredAt}: billing sends only the status. */
    private static SubscriptionUpdated paused(String occurredAt) {
        Map<String, Object> envelope = Fixtures.at(active(), occurredAt);
        set(envelope, "detail.status", "paused");
        for (String field : new String[] {"productId", "nextChargeAt", "amount", "currency", "manageUrl"}) {
            remove(envelope, "detail." + field);
        }
        return Fixtures.subscriptionUpdated(envelope);
    }

    private Subscription subscription(String id) {
        return customers.profile("c-5001").orElseThrow().subscriptions().get(id);
    }

    @Test
    void subscription_isKeptOnTheProfile_byItsId() {
        Recording recording = recorder.record(Fixtures.subscriptionUpdated(active()));

        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(subscription("sub-5001")).isEqualTo(new Subscription("sub-5001", SubscriptionStatus.ACTIVE, "p-520",
                CHARGES_AT, Money.of("25.00", "USD"), MANAGE_URL, REPORTED_AT));
        assertThat(subscription("sub-5001").chargesAt(CHARGES_AT)).isTrue();
    }

    @Test
    void laterReport_replacesStatusAndChargeDate_andKeepsProductAmountAndLinkItLeavesOut() {
        // given
        recorder.record(Fixtures.subscriptionUpdated(active()));

        // when
        Recording recording = recorder.record(paused("2026-11-28T15:00:00Z"));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(subscription("sub-5001")).isEqualTo(new Subscription("sub-5001", SubscriptionStatus.PAUSED, "p-520",
                null, Money.of("25.00", "USD"), MANAGE_URL, Instant.parse("2026-11-28T15:00:00Z")));
        assertThat(subscription("sub-5001").chargesAt(CHARGES_AT)).isFalse();
    }

    @Test
    void olderReport_isStale_andChangesNothing() {
        // given
        recorder.record(paused("2026-11-28T15:00:00Z"));
        CustomerProfile before = customers.profile("c-5001").orElseThrow();

        // when: the earlier "active" report arrives late
        Recording recording = recorder.record(Fixtures.subscriptionUpdated(active()));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.STALE);
        assertThat(customers.profile("c-5001")).contains(before);
    }

    @Test
    void sameReportTwice_isADuplicate() {
        recorder.record(Fixtures.subscriptionUpdated(active()));

        assertThat(recorder.record(Fixtures.subscriptionUpdated(active())).state()).isEqualTo(RecordState.DUPLICATE);
    }

    @Test
    void twoSubscriptions_areKeptApart() {
        recorder.record(Fixtures.subscriptionUpdated(active()));

        recorder.record(Fixtures.subscriptionUpdated(set(Fixtures.at(active(), "2026-11-26T15:00:00Z"),
                "detail.subscriptionId", "sub-5002")));

        assertThat(customers.profile("c-5001").orElseThrow().subscriptions()).containsOnlyKeys("sub-5001", "sub-5002");
    }

    @Test
    void subscription_olderThanTheProfilesLastChange_isStillRecorded() {
        assertThat(customers.saveProfile(Fixtures.profile("c-5001").updatedAt("2026-11-30T00:00:00Z").build(), 0)).isTrue();

        Recording recording = recorder.record(Fixtures.subscriptionUpdated(active()));

        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(subscription("sub-5001")).isNotNull();
    }
}
