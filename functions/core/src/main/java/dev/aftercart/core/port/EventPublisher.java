package dev.aftercart.core.port;

import dev.aftercart.core.render.BusEvent;

/** Puts an event on the store's bus, for a help desk or another system to act on. */
public interface EventPublisher {

    Delivery publish(BusEvent event);
}
