package dev.aftercart.core.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A carrier's status for a shipment. Delivered and returned-to-sender are final: nothing a
 * carrier reports afterwards (a late "in transit" scan) changes the shipment.
 */
public enum ShipmentStatus {
    LABEL_CREATED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    ATTEMPTED_DELIVERY,
    DELAYED,
    EXCEPTION,
    READY_FOR_PICKUP,
    DELIVERED,
    RETURNED_TO_SENDER;

    public static final List<String> IDS = Arrays.stream(values()).map(ShipmentStatus::id).toList();

    public boolean isFinal() {
        return this == DELIVERED || this == RETURNED_TO_SENDER;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ShipmentStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
