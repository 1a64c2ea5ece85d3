package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.event.CustomerUpdated;
import dev.aftercart.core.event.LoyaltyUpdated;
import dev.aftercart.core.event.PointsExpiry;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loyalty programme's latest standing replaces the one kept, judged stale by its own update time. */
class LoyaltyRecorderTest {

    private static final Instant JOINED_AT = Instant.parse("2026-11-27T15:00:00Z");
    private static final Instant FIRST_EXPIRY = Instant.parse("2027-01-15T05:00:00Z");
    private static final Instant SECOND_EXPIRY = Instant.parse("2027-03-31T04:00:00Z");

    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final Recorder recorder = new Recorder(customers, new InMemoryCatalog());

    private static LoyaltyUpdated joined() {
        return Fixtures.loyaltyUpdated(event("issue4-loyalty-joined.json"));
    }

    /** The joined fixture, now in {@code tier}, at {@code occurredAt}. */
    private static LoyaltyUpdated inTier(String tier, String occurredAt) {
        Map<String, Object> envelope = Fixtures.at(event("issue4-loyalty-joined.json"), occurredAt);
        return Fixtures.loyaltyUpdated(set(envelope, "detail.tier", tier));
    }

    private CustomerProfile profile() {
        return customers.profile("c-5001").orElseThrow();
    }

    private void storedProfile() {
        assertThat(customers.saveProfile(Fixtures.profile("c-5001").build(), 0)).isTrue();
    }

    @Test
    void loyalty_keepsMembershipTierBalanceAndExpiringPoints_asOfTheReport() {
        // given
        storedProfile();
        Instant profileUpdatedAt = profile().updatedAt();

        // when
        Recording recording = recorder.record(joined());

        // then
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(profile().loyalty()).isEqualTo(new Loyalty(true, "member", 450,
                List.of(new PointsExpiry(150, SECOND_EXPIRY), new PointsExpiry(300, FIRST_EXPIRY)), JOINED_AT));
        assertThat(profile().loyalty().earliestExpiry()).contains(new PointsExpiry(300, FIRST_EXPIRY));
        assertThat(profile().updatedAt()).as("the profile's own update time").isEqualTo(profileUpdatedAt);
    }

    @Test
    void loyalty_withoutAPreviousTier_offersNoPreviousTierFact() {
        storedProfile();

        assertThat(recorder.record(joined()).facts()).doesNotContainKey("previousTier");
    }

    @Test
    void loyalty_offersTheTierBeforeTheUpdate_asAFact() {
        storedProfile();
        recorder.record(joined());

        Recording recording = recorder.record(inTier("gold", "2026-12-01T15:00:00Z"));

        assertThat(recording.facts()).containsEntry("previousTier", "member");
        assertThat(profile().loyalty().tier()).isEqualTo("gold");
    }

    @Test
    void loyalty_olderThanTheStandingKept_isStale_andChangesNothing() {
        // given
        storedProfile();
        recorder.record(inTier("gold", "2026-12-01T15:00:00Z"));
        CustomerProfile before = profile();

        // when: the report from when they joined arrives late
        Recording recording = recorder.record(joined());

        // then
        assertThat(recording.state()).isEqualTo(RecordState.STALE);
        assertThat(profile()).isEqualTo(before);
    }

    @Test
    void sameReportTwice_isADuplicate() {
        storedProfile();
        recorder.record(joined());
        CustomerProfile before = profile();

        Recording recording = recorder.record(joined());

        assertThat(recording.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(profile()).isEqualTo(before);
    }

    @Test
    void loyalty_olderThanTheProfilesLastChange_isStillRecorded_forItKeepsItsOwnTime() {
        // given: the customer's details changed after the programme's report was made
        storedProfile();
        recorder.record(new CustomerUpdated(Fixtures.details("c-5001").firstName("Orla").build(),
                Instant.parse("2026-11-28T09:00:00Z")));

        // when
        Recording recording = recorder.record(joined());

        // then
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(profile().loyalty().member()).isTrue();
        assertThat(profile().firstName()).isEqualTo("Orla");
    }

    @Test
    void customerUpdate_olderThanTheLoyaltyReport_isStillApplied() {
        // given
        storedProfile();
        recorder.record(joined());

        // when: a profile change made before the report arrives after it
        Recording recording = recorder.record(new CustomerUpdated(Fixtures.details("c-5001").firstName("Orla").build(),
                Instant.parse("2026-11-26T09:00:00Z")));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(profile().firstName()).isEqualTo("Orla");
        assertThat(profile().loyalty().tier()).isEqualTo("member");
    }
}
