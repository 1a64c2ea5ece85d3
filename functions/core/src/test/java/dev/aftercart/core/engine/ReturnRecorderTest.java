package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.remove;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.ReturnRecord;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ReturnStatus;
import dev.aftercart.core.event.ReturnUpdated;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A return's status is kept on its order; returned products are derived from the returns. */
class ReturnRecorderTest {

    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final Recorder recorder = new Recorder(customers, new InMemoryCatalog());

    private static final OrderRecord ORDER = Fixtures.order("c-5001", "o-5001",
            Fixtures.item("p-510", "Trail Running Shoe", 1, "79.00", "USD"),
            Fixtures.item("p-530", "Water Bottle", 1, "18.00", "USD"));

    /** Return ret-5001 of p-530 reporting {@code status} at {@code occurredAt}, without a refund amount. */
    private static ReturnUpdated returnUpdate(String status, String occurredAt) {
        Map<String, Object> envelope = Fixtures.at(event("issue4-return-requested.json"), occurredAt);
        set(envelope, "detail.status", status);
        return Fixtures.returnUpdated(envelope);
    }

    private static ReturnUpdated refunded(String occurredAt) {
        return Fixtures.returnUpdated(Fixtures.at(event("issue4-return-refunded.json"), occurredAt));
    }

    private void storedOrder() {
        assertThat(customers.saveOrder(ORDER, 0)).isTrue();
    }

    private OrderRecord order() {
        return customers.order("c-5001", "o-5001").orElseThrow();
    }

    @Test
    void returnOfAnOrderNotYetRecorded_throwsOrderNotYetKnown_soLambdaRetriesIt() {
        assertThatThrownBy(() -> recorder.record(returnUpdate("requested", "2026-11-25T15:00:00Z")))
                .isInstanceOf(OrderNotYetKnownException.class)
                .hasMessage("order o-5001 is not recorded yet; retry later");
        assertThat(customers.order("c-5001", "o-5001")).isEmpty();
    }

    @Test
    void returnOfAnOrderOnlyKnownFromItsCancellation_throwsOrderNotYetKnown() {
        recorder.record(new OrderCancelled("o-5001", "c-5001", "fraud", Instant.parse("2026-11-20T15:00:00Z")));

        assertThatThrownBy(() -> recorder.record(returnUpdate("requested", "2026-11-25T15:00:00Z")))
                .isInstanceOf(OrderNotYetKnownException.class);
    }

    @Test
    void returnUpdate_isKeptOnItsOrder_asTheNextVersion() {
        // given
        storedOrder();

        // when
        Recording recording = recorder.record(returnUpdate("requested", "2026-11-25T15:00:00Z"));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(order().returns()).containsExactly(Map.entry("ret-5001", new ReturnRecord("ret-5001",
                ReturnStatus.REQUESTED, Instant.parse("2026-11-25T15:00:00Z"),
                List.of(new ReturnItem("p-530", 1, "changed_mind")), null)));
        assertThat(order().version()).isEqualTo(2);
        assertThat(recording.order()).isEqualTo(order());
    }

    @Test
    void requestedOrRejected_doesNotCountAsReturned_approvedOnDoes() {
        storedOrder();

        recorder.record(returnUpdate("requested", "2026-11-25T15:00:00Z"));
        assertThat(order().returnedProducts()).isEmpty();

        recorder.record(returnUpdate("approved", "2026-11-26T15:00:00Z"));
        assertThat(order().returnedProducts()).containsExactly("p-530");

        recorder.record(returnUpdate("rejected", "2026-11-27T15:00:00Z"));
        assertThat(order().returnedProducts()).isEmpty();
    }

    @Test
    void returnUpdate_olderThanTheStatusKept_isStale_andChangesNothing() {
        // given
        storedOrder();
        recorder.record(returnUpdate("received", "2026-11-28T15:00:00Z"));
        OrderRecord before = order();

        // when: "approved" from the day before arrives late
        Recording recording = recorder.record(returnUpdate("approved", "2026-11-27T15:00:00Z"));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.STALE);
        assertThat(order()).isEqualTo(before);
    }

    @Test
    void sameStatusAgain_isADuplicate_andChangesNothing() {
        storedOrder();
        recorder.record(returnUpdate("approved", "2026-11-26T15:00:00Z"));
        OrderRecord before = order();

        Recording recording = recorder.record(returnUpdate("approved", "2026-11-26T15:00:00Z"));

        assertThat(recording.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(order()).isEqualTo(before);
    }

    @Test
    void refundAmount_isKept_whenALaterStatusLeavesItOut() {
        // given
        storedOrder();
        recorder.record(refunded("2026-11-30T15:00:00Z"));

        // when: the exchange ships, and the portal does not repeat the refund
        recorder.record(returnUpdate("exchange_shipped", "2026-12-01T15:00:00Z"));

        // then
        assertThat(order().returns().get("ret-5001").refundAmount()).isEqualTo(Money.of("18.00", "USD"));
        assertThat(order().returns().get("ret-5001").status()).isEqualTo(ReturnStatus.EXCHANGE_SHIPPED);
    }

    @Test
    void twoReturnsOfOneOrder_areKeptApart() {
        storedOrder();
        recorder.record(returnUpdate("approved", "2026-11-26T15:00:00Z"));
        Map<String, Object> second = Fixtures.at(event("issue4-return-requested.json"), "2026-11-27T15:00:00Z");
        set(second, "detail.returnId", "ret-5002");
        set(second, "detail.items[0].productId", "p-510");
        remove(second, "detail.items[0].reason");

        recorder.record(Fixtures.returnUpdated(second));

        assertThat(order().returns()).containsOnlyKeys("ret-5001", "ret-5002");
        assertThat(order().returnedProducts()).containsExactly("p-530");
    }
}
