package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.event.ShipmentItem;
import dev.aftercart.core.event.ShipmentStatus;
import dev.aftercart.core.event.ShipmentUpdated;
import dev.aftercart.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a recorded shipment update offers the journeys: its key, subject, products and facts. */
class ShipmentTriggerTest {

    private static final Instant AT = Instant.parse("2026-11-23T19:00:00Z");

    private static final OrderRecord ORDER = Fixtures.order("c-5001", "o-5001",
            Fixtures.item("p-510", "Trail Running Shoe", 1, "79.00", "USD"),
            Fixtures.item("p-520", "Merino Socks", 2, "12.50", "USD"),
            Fixtures.item("p-530", "Water Bottle", 1, "18.00", "USD"));

    private static ShipmentRecord shipment(String id, ShipmentStatus status, List<ShipmentItem> items) {
        return new ShipmentRecord(id, status, AT, "UPS", "1Z", null, null, items);
    }

    private static final List<ShipmentItem> SHOE = List.of(new ShipmentItem("p-510", 1));
    private static final List<ShipmentItem> THE_REST = List.of(new ShipmentItem("p-520", 2), new ShipmentItem("p-530", 1));

    /** The trigger for {@code shipmentId}'s latest status in {@code order}, as the engine builds it after recording. */
    private static Trigger trigger(OrderRecord order, String shipmentId) {
        ShipmentRecord s = order.shipments().get(shipmentId);
        ShipmentUpdated event = new ShipmentUpdated(shipmentId, order.orderId(), null, s.status(), s.carrier(), null,
                null, null, s.items(), s.statusAt());
        return Trigger.of(event, new Recording(RecordState.RECORDED, null, order)).orElseThrow();
    }

    @Test
    void wholeOrderDelivered_isAPlainDelivery_aboutEveryProduct() {
        OrderRecord order = ORDER.withShipment(shipment("s-1", ShipmentStatus.DELIVERED, null));

        Trigger trigger = trigger(order, "s-1");

        assertThat(trigger.customerId()).isEqualTo("c-5001");
        assertThat(trigger.businessKey()).isEqualTo("shipment:s-1:delivered");
        assertThat(trigger.anchor()).isEqualTo(AT);
        assertThat(trigger.products()).containsExactly("p-510", "p-520", "p-530");
        assertThat(trigger.subject()).containsEntry("orderId", "o-5001").containsEntry("shipmentId", "s-1")
                .containsEntry("status", "delivered").containsEntry("notice", "delivered")
                .containsEntry("productIds", "p-510,p-520,p-530");
        assertThat(trigger.facts()).containsEntry("status", "delivered").containsEntry("notice", "delivered")
                .containsEntry("split", false).containsEntry("allDelivered", true).containsEntry("carrier", "UPS");
    }

    @Test
    void firstDeliveryOfASplitOrder_isAPlainDelivery_aboutItsOwnProducts() {
        OrderRecord order = ORDER
                .withShipment(shipment("s-1", ShipmentStatus.DELIVERED, SHOE))
                .withShipment(shipment("s-2", ShipmentStatus.IN_TRANSIT, THE_REST));

        Trigger trigger = trigger(order, "s-1");

        assertThat(trigger.facts()).containsEntry("notice", "delivered").containsEntry("split", true)
                .containsEntry("allDelivered", false);
        assertThat(trigger.products()).containsExactly("p-510");
    }

    @Test
    void deliveryThatCompletesASplitOrder_isAllDelivered() {
        OrderRecord order = ORDER
                .withShipment(shipment("s-1", ShipmentStatus.DELIVERED, SHOE))
                .withShipment(shipment("s-2", ShipmentStatus.DELIVERED, THE_REST));

        Trigger trigger = trigger(order, "s-2");

        assertThat(trigger.facts()).containsEntry("status", "delivered").containsEntry("notice", "all_delivered")
                .containsEntry("allDelivered", true);
        assertThat(trigger.products()).containsExactly("p-520", "p-530");
        assertThat(trigger.subject()).containsEntry("notice", "all_delivered");
        assertThat(trigger.businessKey()).isEqualTo("shipment:s-2:delivered");
    }

    @Test
    void splitOrderShippedInOneParcelSoFar_isNotYetAllDelivered() {
        // given: the only shipment seen so far carries the shoe; the rest has not shipped
        OrderRecord order = ORDER.withShipment(shipment("s-1", ShipmentStatus.DELIVERED, SHOE));

        Trigger trigger = trigger(order, "s-1");

        assertThat(trigger.facts()).containsEntry("notice", "delivered").containsEntry("split", true)
                .containsEntry("allDelivered", false);
    }

    @Test
    void deliveryOfPartOfALinesQuantity_doesNotCompleteTheOrder() {
        // given: one of the two pairs of socks in each parcel
        OrderRecord socks = Fixtures.order("c-5001", "o-5002", Fixtures.item("p-520", "Merino Socks", 2, "12.50", "USD"));
        OrderRecord first = socks.withShipment(shipment("s-1", ShipmentStatus.DELIVERED, List.of(new ShipmentItem("p-520", 1))));
        OrderRecord both = first.withShipment(shipment("s-2", ShipmentStatus.DELIVERED, List.of(new ShipmentItem("p-520", 1))));

        assertThat(trigger(first, "s-1").facts()).containsEntry("notice", "delivered");
        assertThat(trigger(both, "s-2").facts()).containsEntry("notice", "all_delivered");
    }

    @Test
    void otherStatusesOfACompletedSplitOrder_keepTheirOwnNotice() {
        OrderRecord order = ORDER
                .withShipment(shipment("s-1", ShipmentStatus.DELIVERED, SHOE))
                .withShipment(shipment("s-2", ShipmentStatus.DELIVERED, THE_REST))
                .withShipment(shipment("s-3", ShipmentStatus.RETURNED_TO_SENDER, SHOE));

        assertThat(trigger(order, "s-3").facts()).containsEntry("notice", "returned_to_sender");
    }

    @Test
    void returnedProducts_areLeftOutOfTheTriggersProducts() {
        OrderRecord delivered = ORDER.withShipment(shipment("s-1", ShipmentStatus.DELIVERED, null));
        OrderRecord returned = new OrderRecord(delivered.customerId(), delivered.orderId(), null, delivered.placedAt(),
                delivered.items(), delivered.subtotal(), null, null, null, delivered.total(), delivered.status(), null,
                delivered.shipments(), Fixtures.returnsOf("p-520"), delivered.updatedAt(), delivered.version());

        assertThat(trigger(returned, "s-1").products()).containsExactly("p-510", "p-530");
    }
}
