package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.ShipmentItem;
import dev.aftercart.core.event.ShipmentStatus;
import dev.aftercart.core.event.ShipmentUpdated;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a carrier update is folded into its order: newest status wins, stale and repeated updates change nothing. */
class ShipmentRecorderTest {

    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final Recorder recorder = new Recorder(customers, new InMemoryCatalog());

    @BeforeEach
    void orderIsRecorded() {
        recorder.record(Fixtures.orderPlaced("policy-order-placed.json"));
    }

    private OrderRecord order() {
        return customers.order("c-5001", "o-5001").orElseThrow();
    }

    private ShipmentRecord shipment() {
        return order().shipments().get("s-5001");
    }

    private static ShipmentUpdated update(ShipmentStatus status, String at) {
        return new ShipmentUpdated("s-5001", "o-5001", "c-5001", status, "UPS", "1Z5001",
                "https://www.ups.com/track?tracknum=1Z5001", null, null, Instant.parse(at));
    }

    @Test
    void firstUpdate_addsTheShipmentToItsOrder() {
        // when
        Recording recording = recorder.record(Fixtures.shipmentUpdated("policy-shipment-in-transit.json"));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(recording.order()).isEqualTo(order());
        assertThat(recording.profile().customerId()).isEqualTo("c-5001");
        assertThat(shipment()).isEqualTo(new ShipmentRecord("s-5001", ShipmentStatus.IN_TRANSIT,
                Instant.parse("2026-11-21T14:00:00Z"), "UPS", "1Z5001", "https://www.ups.com/track?tracknum=1Z5001",
                null, null));
        assertThat(order().version()).isEqualTo(2);
    }

    @Test
    void updateWithoutACustomerId_findsTheOwnerThroughTheOrder() {
        // given
        ShipmentUpdated anonymous = new ShipmentUpdated("s-5001", "o-5001", null, ShipmentStatus.IN_TRANSIT, "UPS",
                null, null, null, null, Instant.parse("2026-11-21T14:00:00Z"));

        // when
        Recording recording = recorder.record(anonymous);

        // then
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
    }

    @Test
    void updateForAnUnknownOrder_throwsOrderNotYetKnown_soLambdaRetries() {
        ShipmentUpdated early = new ShipmentUpdated("s-9", "o-9", null, ShipmentStatus.IN_TRANSIT, null, null, null,
                null, null, Instant.parse("2026-11-21T14:00:00Z"));

        assertThatThrownBy(() -> recorder.record(early))
                .isInstanceOf(OrderNotYetKnownException.class)
                .hasMessage("order o-9 is not recorded yet; retry later");
    }

    @Test
    void updateNamingItsCustomer_forAnOrderNotYetRecorded_throwsOrderNotYetKnown() {
        ShipmentUpdated early = new ShipmentUpdated("s-9", "o-9", "c-5001", ShipmentStatus.IN_TRANSIT, null, null, null,
                null, null, Instant.parse("2026-11-21T14:00:00Z"));

        assertThatThrownBy(() -> recorder.record(early)).isInstanceOf(OrderNotYetKnownException.class);
    }

    @Test
    void updateForAnOrderKnownOnlyByItsCancellation_isStale_soNothingIsSentAndNothingRetried() {
        recorder.record(new OrderCancelled("o-9", "c-5001", "fraud_review", Instant.parse("2026-11-21T10:00:00Z")));
        ShipmentUpdated update = new ShipmentUpdated("s-9", "o-9", "c-5001", ShipmentStatus.IN_TRANSIT, null, null,
                null, null, null, Instant.parse("2026-11-21T14:00:00Z"));

        Recording recording = recorder.record(update);

        assertThat(recording.state()).isEqualTo(RecordState.STALE);
        assertThat(recording.order().shipments()).isEmpty();
    }

    @Test
    void newerStatus_replacesTheOlder() {
        recorder.record(update(ShipmentStatus.IN_TRANSIT, "2026-11-21T14:00:00Z"));

        Recording recording = recorder.record(update(ShipmentStatus.OUT_FOR_DELIVERY, "2026-11-23T11:30:00Z"));

        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(shipment().statusAt()).isEqualTo(Instant.parse("2026-11-23T11:30:00Z"));
    }

    @Test
    void updateOlderThanTheCurrentStatus_isStale_andChangesNothing() {
        // given
        recorder.record(update(ShipmentStatus.OUT_FOR_DELIVERY, "2026-11-23T11:30:00Z"));
        OrderRecord before = order();

        // when: the carrier's earlier scan arrives late
        Recording recording = recorder.record(update(ShipmentStatus.IN_TRANSIT, "2026-11-22T09:00:00Z"));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.STALE);
        assertThat(order()).isEqualTo(before);
    }

    @Test
    void inTransitAfterDelivered_isStale_evenWithALaterTime() {
        // given
        recorder.record(update(ShipmentStatus.DELIVERED, "2026-11-24T03:30:00Z"));
        OrderRecord before = order();

        // when
        Recording recording = recorder.record(update(ShipmentStatus.IN_TRANSIT, "2026-11-24T09:00:00Z"));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.STALE);
        assertThat(order()).isEqualTo(before);
    }

    @Test
    void anythingAfterReturnedToSender_isStale() {
        recorder.record(update(ShipmentStatus.RETURNED_TO_SENDER, "2026-11-24T03:30:00Z"));

        assertThat(recorder.record(update(ShipmentStatus.DELIVERED, "2026-11-25T03:30:00Z")).state())
                .isEqualTo(RecordState.STALE);
    }

    @Test
    void sameStatusAgain_isADuplicate_andKeepsTheFirstTime() {
        // given
        recorder.record(update(ShipmentStatus.IN_TRANSIT, "2026-11-21T14:00:00Z"));

        // when: a second scan with the same status
        Recording recording = recorder.record(update(ShipmentStatus.IN_TRANSIT, "2026-11-22T14:00:00Z"));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(shipment().statusAt()).isEqualTo(Instant.parse("2026-11-21T14:00:00Z"));
        assertThat(order().version()).isEqualTo(2);
    }

    @Test
    void laterUpdateOmittingCarrierAndTracking_keepsThemFromEarlierUpdates() {
        // given
        recorder.record(new ShipmentUpdated("s-5001", "o-5001", "c-5001", ShipmentStatus.IN_TRANSIT, "UPS", "1Z5001",
                "https://www.ups.com/track?tracknum=1Z5001", Instant.parse("2026-11-24T23:00:00Z"),
                List.of(new ShipmentItem("p-510", 1)), Instant.parse("2026-11-21T14:00:00Z")));

        // when
        recorder.record(new ShipmentUpdated("s-5001", "o-5001", null, ShipmentStatus.DELIVERED, null, null, null, null,
                null, Instant.parse("2026-11-24T03:30:00Z")));

        // then
        ShipmentRecord after = shipment();
        assertThat(after.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(after.carrier()).isEqualTo("UPS");
        assertThat(after.trackingNumber()).isEqualTo("1Z5001");
        assertThat(after.trackingUrl()).isEqualTo("https://www.ups.com/track?tracknum=1Z5001");
        assertThat(after.estimatedDelivery()).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
        assertThat(after.items()).containsExactly(new ShipmentItem("p-510", 1));
    }

    @Test
    void laterUpdateNamingANewCarrier_replacesTheOld() {
        recorder.record(update(ShipmentStatus.IN_TRANSIT, "2026-11-21T14:00:00Z"));

        recorder.record(new ShipmentUpdated("s-5001", "o-5001", "c-5001", ShipmentStatus.OUT_FOR_DELIVERY, "USPS",
                "9400", null, null, null, Instant.parse("2026-11-23T11:30:00Z")));

        assertThat(shipment().carrier()).isEqualTo("USPS");
        assertThat(shipment().trackingNumber()).isEqualTo("9400");
    }

    @Test
    void orderWrite_thatLosesToAConcurrentUpdate_isRetried_andKeepsBoth() {
        // given: the other shipment of a split order is recorded between our read and our write
        customers.beforeOrderSave(() -> recorder.record(new ShipmentUpdated("s-5002", "o-5001", "c-5001",
                ShipmentStatus.IN_TRANSIT, null, null, null, null, List.of(new ShipmentItem("p-520", 2)),
                Instant.parse("2026-11-21T15:00:00Z"))));

        // when
        Recording recording = recorder.record(new ShipmentUpdated("s-5001", "o-5001", "c-5001", ShipmentStatus.IN_TRANSIT,
                null, null, null, null, List.of(new ShipmentItem("p-510", 1)), Instant.parse("2026-11-21T14:00:00Z")));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(order().shipments()).containsOnlyKeys("s-5002", "s-5001");
    }
}
