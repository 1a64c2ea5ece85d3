package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.event.CustomerDetails;
import dev.aftercart.core.event.CustomerUpdated;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ProductUpdated;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecorderTest {

    private static final Instant STORED_AT = Instant.parse("2026-11-01T00:00:00Z");

    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final Recorder recorder = new Recorder(customers, catalog);

    private void stored(CustomerProfile profile) {
        assertThat(customers.saveProfile(profile, 0)).isTrue();
    }

    private CustomerProfile profile(String customerId) {
        return customers.profile(customerId).orElseThrow();
    }

    private static CustomerUpdated updated(CustomerDetails details, String at) {
        return new CustomerUpdated(details, Instant.parse(at));
    }

    private static OrderCancelled cancelled(String at) {
        return new OrderCancelled("o-1001", "c-1001", "customer_request", Instant.parse(at));
    }

    // --- profiles ---

    @Test
    void customerUpdated_givenFieldsWin_absentFieldsKeepWhatIsKnown() {
        // given
        stored(Fixtures.profile("c-1").locale("en-US").timeZone("America/Los_Angeles").consent(true, false, null).build());

        // when
        Recording recording = recorder.record(updated(Fixtures.details("c-1").firstName("Zeph").locale("ko-KR")
                .consent(null, true, null).build(), "2026-11-21T08:00:00Z"));

        // then
        CustomerProfile after = profile("c-1");
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(after.firstName()).isEqualTo("Zeph");
        assertThat(after.locale()).isEqualTo("ko-KR");
        assertThat(after.email()).isEqualTo("zephyrine.quill@example.com");
        assertThat(after.phone()).isEqualTo("+14155550199");
        assertThat(after.timeZone()).isEqualTo("America/Los_Angeles");
        assertThat(after.consent()).isEqualTo(new Consent(true, true, null));
        assertThat(after.updatedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(after.version()).isEqualTo(2);
    }

    @Test
    void customerUpdated_withdrawingConsent_overridesEarlierConsent() {
        stored(Fixtures.profile("c-1").consent(true, true, true).build());

        recorder.record(updated(Fixtures.details("c-1").consent(false, false, false).build(), "2026-11-21T08:00:00Z"));

        assertThat(profile("c-1").consent()).isEqualTo(new Consent(false, false, false));
    }

    @Test
    void customerUpdated_withANewEmail_clearsTheOldAddressesSuppression() {
        stored(Fixtures.profile("c-1").suppression(true, true).build());

        recorder.record(updated(Fixtures.details("c-1").email("z.quill@example.org").build(), "2026-11-21T08:00:00Z"));

        assertThat(profile("c-1").suppression()).isEqualTo(Suppression.NONE);
    }

    @Test
    void customerUpdated_withANewPhone_andNoWordOnMarketingTexts_turnsThemOffForTheNewNumber() {
        stored(Fixtures.profile("c-1").consent(true, true, true).build());

        recorder.record(updated(Fixtures.details("c-1").phone("+14155550100").build(), "2026-11-21T08:00:00Z"));

        assertThat(profile("c-1").phone()).isEqualTo("+14155550100");
        assertThat(profile("c-1").consent()).isEqualTo(new Consent(true, false, true));
    }

    @Test
    void customerUpdated_withANewPhone_andConsentForIt_allowsMarketingTexts_evenAfterAStopFromTheOldNumber() {
        stored(Fixtures.profile("c-1").consent(true, true, true).build());
        CustomerProfile stopped = profile("c-1");
        customers.saveProfile(stopped.withConsent(stopped.consent().withdrawSmsMarketing(), stopped.updatedAt())
                .withVersion(stopped.version() + 1), stopped.version());

        recorder.record(updated(Fixtures.details("c-1").phone("+14155550100").consent(null, true, null).build(),
                "2026-11-21T08:00:00Z"));

        Consent consent = profile("c-1").consent();
        assertThat(consent.smsMarketing()).isTrue();
        assertThat(consent.withdrawnByCustomer()).isEmpty();
    }

    @Test
    void customerUpdated_withTheSamePhone_keepsMarketingTexts_andTheStop() {
        stored(Fixtures.profile("c-1").consent(true, true, true).build());
        CustomerProfile stopped = profile("c-1");
        customers.saveProfile(stopped.withConsent(stopped.consent().withdrawSmsMarketing(), stopped.updatedAt())
                .withVersion(stopped.version() + 1), stopped.version());

        recorder.record(updated(Fixtures.details("c-1").phone(stopped.phone()).consent(null, true, null).build(),
                "2026-11-21T08:00:00Z"));

        assertThat(profile("c-1").consent().smsMarketing()).as("the STOP from this number still holds").isFalse();
    }

    @Test
    void customerUpdated_withTheSameEmailInAnotherCase_keepsTheSuppression() {
        stored(Fixtures.profile("c-1").suppression(true, false).build());

        recorder.record(updated(Fixtures.details("c-1").email("Zephyrine.Quill@Example.com").firstName("Zeph").build(),
                "2026-11-21T08:00:00Z"));

        assertThat(profile("c-1").suppression()).isEqualTo(new Suppression(true, false));
    }

    @Test
    void customerUpdated_olderThanTheProfile_isStale_andChangesNothing() {
        // given
        CustomerProfile before = Fixtures.profile("c-1").updatedAt("2026-11-21T08:00:00Z").build();
        stored(before);

        // when
        Recording recording = recorder.record(updated(Fixtures.details("c-1").email("old@example.com").build(),
                "2026-11-20T08:00:00Z"));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.STALE);
        assertThat(profile("c-1")).isEqualTo(before);
    }

    @Test
    void customerUpdated_sayingNothingNew_isADuplicate_andWritesNothing() {
        // given
        CustomerProfile before = Fixtures.profile("c-1").build();
        stored(before);

        // when: a re-delivery of what is already known, even with a later timestamp
        Recording recording = recorder.record(updated(Fixtures.details("c-1").email(before.email()).firstName(before.firstName())
                .build(), "2026-11-21T08:00:00Z"));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(profile("c-1")).isEqualTo(before);
    }

    @Test
    void customerUpdated_forANewCustomer_createsTheProfileAtVersionOne() {
        Recording recording = recorder.record(updated(Fixtures.details("c-9").email("new@example.com").build(),
                "2026-11-21T08:00:00Z"));

        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(profile("c-9").version()).isEqualTo(1);
        assertThat(profile("c-9").email()).isEqualTo("new@example.com");
    }

    /** Another Lambda's write, e.g. SES feedback marking the address as complained. */
    private void complaintRecordedConcurrently() {
        CustomerProfile current = profile("c-1");
        CustomerProfile complained = new CustomerProfile(current.customerId(), current.email(), current.phone(),
                current.firstName(), current.locale(), current.timeZone(), current.region(), current.consent(),
                new Suppression(false, true), current.loyalty(), current.engagement(), current.subscriptions(),
                current.updatedAt(),
                current.version() + 1);
        assertThat(customers.saveProfile(complained, current.version())).isTrue();
    }

    @Test
    void profileWrite_thatLosesToAConcurrentWriter_isRetried_andKeepsBothChanges() {
        // given: between our read and our write, another writer saves the profile
        stored(Fixtures.profile("c-1").build());
        customers.beforeProfileSave(this::complaintRecordedConcurrently);

        // when
        Recording recording = recorder.record(updated(Fixtures.details("c-1").firstName("Zeph").build(), "2026-11-21T08:00:00Z"));

        // then
        CustomerProfile after = profile("c-1");
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(after.firstName()).isEqualTo("Zeph");
        assertThat(after.suppression().emailComplained()).isTrue();
        assertThat(after.version()).isEqualTo(3);
    }

    @Test
    void profileWrite_thatKeepsLosing_givesUpWithConcurrentUpdateException() {
        // given: another writer wins every one of the attempts
        stored(Fixtures.profile("c-1").build());
        for (int i = 0; i < 5; i++) {
            customers.beforeProfileSave(this::complaintRecordedConcurrently);
        }

        // when / then
        assertThatThrownBy(() -> recorder.record(updated(Fixtures.details("c-1").firstName("Zeph").build(), "2026-11-21T08:00:00Z")))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(profile("c-1").firstName()).isEqualTo("Zephyrine");
    }

    // --- orders ---

    @Test
    void orderPlaced_storesTheOrderOnce_atVersionOne() {
        // given
        OrderPlaced placed = Fixtures.orderPlaced("order-placed.json");

        // when
        Recording recording = recorder.record(placed);

        // then
        OrderRecord order = customers.order("c-1001", "o-1001").orElseThrow();
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.isKnown()).isTrue();
        assertThat(order.isCancelled()).isFalse();
        assertThat(order.items()).isEqualTo(placed.items());
        assertThat(profile("c-1001").email()).isEqualTo("zephyrine.quill@example.com");
    }

    @Test
    void orderPlaced_twice_isADuplicate_andCountsTheCoPurchaseOnce() {
        // given
        OrderPlaced placed = Fixtures.orderPlaced("order-placed.json");
        recorder.record(placed);

        // when
        Recording again = recorder.record(placed);

        // then
        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(customers.order("c-1001", "o-1001").orElseThrow().version()).isEqualTo(1);
        assertThat(catalog.boughtWith("p-100", 10)).singleElement()
                .isEqualTo(new dev.aftercart.core.customer.CoPurchase("p-200", 1));
    }

    @Test
    void orderCancelled_beforeItsOrderArrives_leavesACancelledStub() {
        // when
        Recording recording = recorder.record(cancelled("2026-11-20T10:05:00Z"));

        // then
        OrderRecord stub = customers.order("c-1001", "o-1001").orElseThrow();
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(stub.isCancelled()).isTrue();
        assertThat(stub.isKnown()).isFalse();
    }

    @Test
    void orderPlaced_afterItsCancellation_fillsInTheStub_andKeepsItCancelled() {
        // given
        recorder.record(cancelled("2026-11-20T10:05:00Z"));

        // when: the Order Placed was overtaken and arrives late
        Recording recording = recorder.record(Fixtures.orderPlaced("order-placed.json"));

        // then
        OrderRecord order = customers.order("c-1001", "o-1001").orElseThrow();
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(order.isKnown()).isTrue();
        assertThat(order.isCancelled()).isTrue();
        assertThat(order.cancelReason()).isEqualTo("customer_request");
        assertThat(order.items()).hasSize(2);
        assertThat(order.version()).isEqualTo(2);
    }

    @Test
    void orderPlaced_afterItsCancellation_isNotCountedAsBoughtTogether() {
        // given
        recorder.record(cancelled("2026-11-20T10:05:00Z"));

        // when
        recorder.record(Fixtures.orderPlaced("order-placed.json"));

        // then: a cancelled order was never bought, so it must not shape recommendations
        assertThat(catalog.boughtWith("p-100", 10)).isEmpty();
    }

    @Test
    void orderCancelled_afterPlacement_cancelsTheOrder_once() {
        // given
        recorder.record(Fixtures.orderPlaced("order-placed.json"));

        // when
        Recording first = recorder.record(cancelled("2026-11-20T10:05:00Z"));
        Recording second = recorder.record(cancelled("2026-11-20T10:05:00Z"));

        // then
        assertThat(first.state()).isEqualTo(RecordState.RECORDED);
        assertThat(second.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(customers.order("c-1001", "o-1001").orElseThrow().isCancelled()).isTrue();
    }

    @Test
    void orderCancelled_olderThanTheOrder_isStale() {
        recorder.record(Fixtures.orderPlaced("order-placed.json"));

        Recording recording = recorder.record(cancelled("2026-11-20T09:00:00Z"));

        assertThat(recording.state()).isEqualTo(RecordState.STALE);
        assertThat(customers.order("c-1001", "o-1001").orElseThrow().isCancelled()).isFalse();
    }

    @Test
    void orderWrite_thatLosesToAConcurrentCancellation_isRetried_andEndsCancelled() {
        // given: the cancellation lands between our read and our write of the new order
        customers.beforeOrderSave(() -> recorder.record(cancelled("2026-11-20T10:05:00Z")));

        // when
        recorder.record(Fixtures.orderPlaced("order-placed.json"));

        // then
        OrderRecord order = customers.order("c-1001", "o-1001").orElseThrow();
        assertThat(order.isKnown()).isTrue();
        assertThat(order.isCancelled()).isTrue();
    }

    // --- products ---

    @Test
    void productUpdated_storesNewer_andIgnoresOlderDescriptions() {
        // given
        ProductUpdated product = (ProductUpdated) Fixtures.parsed("product-updated.json");
        ProductUpdated older = new ProductUpdated(product.productId(), "Old name", null, null, null, null, null, null,
                false, product.occurredAt().minusSeconds(60));

        // when
        Recording first = recorder.record(product);
        Recording second = recorder.record(older);

        // then
        assertThat(first.state()).isEqualTo(RecordState.RECORDED);
        assertThat(second.state()).isEqualTo(RecordState.STALE);
        assertThat(catalog.product("p-900").orElseThrow().name()).isEqualTo("Trail Gaiters");
    }
}
