package dev.aftercart.core.feedback;

import static dev.aftercart.core.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.SkipReason;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import dev.aftercart.core.testing.InMemoryMessageLedger;
import dev.aftercart.core.testing.RecordingScheduler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The right to erasure: the customer's waiting schedules go first, then every item of theirs; nobody else's. */
class ErasureTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final InMemoryMessageLedger ledger = new InMemoryMessageLedger();
    private final InMemoryCustomerStore customers = new InMemoryCustomerStore(ledger);
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final Erasure erasure = new Erasure(customers, ledger, scheduler);

    private static LedgerEntry planned(String customerId, String messageId) {
        return LedgerEntry.planned(customerId, messageId, "review-request", "request", Channel.EMAIL, MessageKind.MARKETING,
                Map.of("orderId", "o-1"), AT.plusSeconds(86_400), AT);
    }

    private void store(LedgerEntry entry) {
        ledger.insert(entry);
        if (entry.scheduleName() != null) {
            scheduler.schedule(entry.scheduleName(), entry.customerId(), entry.messageId(), entry.dueAt());
        }
    }

    @Test
    void erase_cancelsTheSchedulesOfWaitingMessagesOnly() {
        // given: one message in each state
        customers.saveProfile(Fixtures.profile("c-1").build(), 0);
        store(planned("c-1", "planned"));
        store(planned("c-1", "scheduled").scheduled("sched-scheduled", AT.plusSeconds(86_400), AT));
        store(planned("c-1", "held").held("sched-held", AT.plusSeconds(3_600), "sms_quiet_hours", AT));
        store(planned("c-1", "sending").scheduled("sched-sending", AT, AT).claimed(AT));
        store(planned("c-1", "sent").scheduled("sched-sent", AT, AT).claimed(AT).sent("ses-1", null, AT));
        store(planned("c-1", "skipped").scheduled("sched-skipped", AT, AT)
                .skipped(SkipReason.TOO_LATE, AT));

        // when
        int items = erasure.erase("c-1");

        // then: the profile and six messages are gone; only the two waiting schedules were deleted
        assertThat(items).isEqualTo(7);
        assertThat(scheduler.cancelled()).containsExactlyInAnyOrder("sched-scheduled", "sched-held");
        assertThat(ledger.forCustomer("c-1")).isEmpty();
        assertThat(customers.profile("c-1")).isEmpty();
    }

    @Test
    void erase_leavesOtherCustomersAlone() {
        // given
        customers.saveProfile(Fixtures.profile("c-1").build(), 0);
        CustomerProfile other = Fixtures.profile("c-2").build();
        customers.saveProfile(other, 0);
        customers.saveOrder(Fixtures.order("c-1", "o-1", Fixtures.item("p-1", "Shoe", 1, "79.00", "USD")), 0);
        customers.saveOrder(Fixtures.order("c-2", "o-2", Fixtures.item("p-1", "Shoe", 1, "79.00", "USD")), 0);
        store(planned("c-1", "m-1").scheduled("sched-c1", AT.plusSeconds(86_400), AT));
        store(planned("c-2", "m-2").scheduled("sched-c2", AT.plusSeconds(86_400), AT));

        // when
        int items = erasure.erase("c-1");

        // then
        assertThat(items).isEqualTo(3);
        assertThat(customers.profile("c-2")).contains(other);
        assertThat(customers.orders("c-2")).extracting(o -> o.orderId()).containsExactly("o-2");
        assertThat(customers.orders("c-1")).isEmpty();
        assertThat(ledger.forCustomer("c-2")).extracting(LedgerEntry::messageId).containsExactly("m-2");
        assertThat(scheduler.pending()).extracting(RecordingScheduler.Schedule::name).containsExactly("sched-c2");
    }

    @Test
    void erase_ofAnUnknownCustomer_deletesNothing() {
        customers.saveProfile(Fixtures.profile("c-2").build(), 0);

        assertThat(erasure.erase("c-unknown")).isZero();
        assertThat(scheduler.cancelled()).isEmpty();
        assertThat(customers.profile("c-2")).isPresent();
    }

    @Test
    void erasedCustomersJourney_sendsNothingMore_andAnotherCustomersIsUntouched() {
        // given: another customer's order, then c-5001's order delivered with its marketing messages waiting
        EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));
        harness.arrive(Fixtures.set(event("order-placed.json"), "detail.customer.consent.emailMarketing", true));
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-delivered.json"));
        List<String> waitingForC5001 = harness.waiting().stream().filter(s -> s.customerId().equals("c-5001"))
                .map(RecordingScheduler.Schedule::name).toList();
        assertThat(waitingForC5001).hasSize(4);
        List<LedgerEntry> othersBefore = harness.ledger.forCustomer("c-1001");
        CustomerProfile otherBefore = harness.customers.profile("c-1001").orElseThrow();
        int sentBefore = harness.email.count() + harness.sms.count();
        int entries = harness.ledger.forCustomer("c-5001").size();
        assertThat(entries).as("confirmation and delivery by email and SMS, review request, reminder, tips").isEqualTo(7);

        // when
        int items = harness.aftercart.erasure().erase("c-5001");

        // then: profile, order and every ledger entry are gone, and every waiting schedule with them
        assertThat(items).isEqualTo(2 + entries);
        assertThat(harness.scheduler.cancelled()).containsExactlyInAnyOrderElementsOf(waitingForC5001);
        assertThat(harness.waiting()).noneMatch(s -> s.customerId().equals("c-5001"));
        assertThat(harness.customers.profile("c-5001")).isEmpty();
        assertThat(harness.customers.order("c-5001", "o-5001")).isEmpty();
        assertThat(harness.ledger.forCustomer("c-5001")).isEmpty();
        assertThat(harness.ledger.forCustomer("c-1001")).isEqualTo(othersBefore);
        assertThat(harness.customers.profile("c-1001")).contains(otherBefore);

        // and: nothing more is sent to them
        harness.runUntil(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(harness.email.count() + harness.sms.count()).isEqualTo(sentBefore);
    }
}
