package dev.aftercart.core.testing;

import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.EventPublisher;
import dev.aftercart.core.render.BusEvent;
import java.util.ArrayList;
import java.util.List;

/** An event bus that keeps what was published. */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<BusEvent> published = new ArrayList<>();

    @Override
    public synchronized Delivery publish(BusEvent event) {
        published.add(event);
        return new Delivery.Accepted("event-" + published.size());
    }

    public synchronized List<BusEvent> published() {
        return List.copyOf(published);
    }
}
