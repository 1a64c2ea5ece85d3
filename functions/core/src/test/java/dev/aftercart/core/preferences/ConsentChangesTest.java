package dev.aftercart.core.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.engine.ConcurrentUpdateException;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.EventPublisher;
import dev.aftercart.core.testing.CapturedLog;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import dev.aftercart.core.testing.MutableClock;
import dev.aftercart.core.testing.RecordingEventPublisher;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A consent change the customer made: written with optimistic concurrency, then announced once. */
class ConsentChangesTest {

    private static final String CUSTOMER = "c-1";

    private final MutableClock clock = MutableClock.at("2026-11-20T10:00:00Z");
    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final ConsentChanges changes = new ConsentChanges(customers, events, clock);

    private CustomerProfile profile() {
        return customers.profile(CUSTOMER).orElseThrow();
    }

    /** Another writer changes the profile between this one's read and its write. */
    private Runnable concurrentBounce() {
        return () -> {
            CustomerProfile current = profile();
            customers.saveProfile(current.withSuppression(new Suppression(true, false)).withVersion(current.version() + 1),
                    current.version());
        };
    }

    @Test
    void apply_writesTheChange_andAnnouncesItUnderAnIdOfCustomerViaAndVersion() {
        // given
        customers.saveProfile(Fixtures.profile(CUSTOMER).consent(true, true, null).build(), 0);

        // when
        boolean changed = changes.apply(CUSTOMER, "sms_keyword", c -> c.withSmsMarketing(false));

        // then
        assertThat(changed).isTrue();
        assertThat(profile().consent().smsMarketing()).isFalse();
        assertThat(profile().version()).isEqualTo(2);
        assertThat(events.published()).singleElement().satisfies(event -> {
            assertThat(event.messageId()).isEqualTo(MessageId.of("consent", CUSTOMER, "sms_keyword", "2"));
            assertThat(event.detailType()).isEqualTo(ConsentChanges.DETAIL_TYPE);
            assertThat(event.detail()).containsEntry("via", "sms_keyword").containsEntry("smsMarketing", false);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"refused", "thrown"})
    void apply_keepsTheChange_whenTheBusFails_andLogsTheWholeEventForAnOperator(String how) {
        // given: a bus that refuses every event, or throws
        customers.saveProfile(Fixtures.profile(CUSTOMER).email("ada@example.com").phone("+14155550100")
                .consent(true, true, null).build(), 0);
        EventPublisher down = event -> {
            if (how.equals("thrown")) {
                throw new IllegalStateException("bus down");
            }
            return new Delivery.Refused("InternalFailure", false);
        };
        ConsentChanges failing = new ConsentChanges(customers, down, clock);

        try (CapturedLog log = CapturedLog.start()) {
            // when
            boolean changed = failing.apply(CUSTOMER, "unsubscribe_link", Consent::withdrawEmailMarketing);

            // then: honoured, and the event is in the log (ids and choices only) and counted
            assertThat(changed).isTrue();
            assertThat(profile().consent().emailMarketing()).isFalse();
            String failed = log.lines().stream().filter(l -> l.contains("\"consent_announce_failed\"")).findFirst()
                    .orElseThrow();
            Map<String, Object> line = Json.parseObject(failed);
            assertThat(line).containsEntry("eventId", MessageId.of("consent", CUSTOMER, "unsubscribe_link", "2"))
                    .containsEntry("detailType", ConsentChanges.DETAIL_TYPE)
                    .containsEntry("error", how.equals("thrown") ? "IllegalStateException" : "InternalFailure");
            @SuppressWarnings("unchecked")
            Map<String, Object> detail = (Map<String, Object>) line.get("detail");
            assertThat(detail).containsEntry("customerId", CUSTOMER)
                    .containsEntry("emailMarketing", false).containsEntry("via", "unsubscribe_link");
            assertThat(log.text()).contains("\"ConsentAnnouncementsFailed\"")
                    .doesNotContain("ada@example.com", "4155550100");
        }
    }

    @Test
    void apply_changingNothing_returnsFalse_andAnnouncesNothing() {
        customers.saveProfile(Fixtures.profile(CUSTOMER).consent(false, true, null).build(), 0);

        boolean changed = changes.apply(CUSTOMER, "unsubscribe_link", c -> c.withEmailMarketing(false));

        assertThat(changed).isFalse();
        assertThat(profile().version()).isEqualTo(1);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void apply_forAnUnknownCustomer_returnsFalse_andCreatesNoProfile() {
        boolean changed = changes.apply("c-unknown", "unsubscribe_link", c -> c.withEmailMarketing(false));

        assertThat(changed).isFalse();
        assertThat(customers.profile("c-unknown")).isEmpty();
        assertThat(events.published()).isEmpty();
    }

    @Test
    void apply_afterAConcurrentWrite_reappliesTheChangeOnTheFreshProfile_keepingTheOtherWritersChange() {
        // given
        customers.saveProfile(Fixtures.profile(CUSTOMER).consent(true, true, null).build(), 0);
        customers.beforeProfileSave(concurrentBounce());

        // when
        boolean changed = changes.apply(CUSTOMER, "unsubscribe_link", c -> c.withEmailMarketing(false));

        // then
        assertThat(changed).isTrue();
        assertThat(profile().consent().emailMarketing()).isFalse();
        assertThat(profile().suppression().emailHardBounced()).isTrue();
        assertThat(profile().version()).isEqualTo(3);
        assertThat(events.published()).hasSize(1);
    }

    @Test
    void apply_losingEveryAttempt_failsWithoutAnnouncing() {
        // given: five writers get in first, one before each attempt
        customers.saveProfile(Fixtures.profile(CUSTOMER).consent(true, true, null).build(), 0);
        for (int i = 0; i < 5; i++) {
            customers.beforeProfileSave(() -> {
                CustomerProfile current = profile();
                customers.saveProfile(current.withVersion(current.version() + 1), current.version());
            });
        }

        // when / then
        assertThatThrownBy(() -> changes.apply(CUSTOMER, "unsubscribe_link", c -> c.withEmailMarketing(false)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(profile().consent().emailMarketing()).isTrue();
        assertThat(events.published()).isEmpty();
    }

    @Test
    void apply_datesTheProfileChangeNow_butNeverBackwards() {
        // given: the profile was last changed by a store event dated after the clock (clock skew)
        customers.saveProfile(Fixtures.profile(CUSTOMER).consent(true, true, null).updatedAt("2026-11-20T10:05:00Z").build(), 0);

        // when
        changes.apply(CUSTOMER, "unsubscribe_link", c -> c.withEmailMarketing(false));

        // then
        assertThat(profile().updatedAt()).isEqualTo(Instant.parse("2026-11-20T10:05:00Z"));
        assertThat(events.published().get(0).detail()).containsEntry("changedAt", "2026-11-20T10:00:00Z");
    }
}
