package dev.aftercart.core.testing;

import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.SmsSender;
import dev.aftercart.core.render.SmsMessage;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every SMS handed to it, whatever it answers. Answers come from a script
 * ({@link #thenRespond}), then from {@link #alwaysRespond}, and otherwise accept with id
 * {@code sns-<n>}.
 */
public final class RecordingSmsSender implements SmsSender {

    private final List<SmsMessage> messages = new CopyOnWriteArrayList<>();
    private final Queue<Delivery> script = new ArrayDeque<>();
    private Delivery otherwise;

    @Override
    public synchronized Delivery send(SmsMessage message) {
        messages.add(message);
        Delivery scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        return otherwise != null ? otherwise : new Delivery.Accepted("sns-" + messages.size());
    }

    /** The next sends answer these, in order. */
    public synchronized RecordingSmsSender thenRespond(Delivery... deliveries) {
        script.addAll(List.of(deliveries));
        return this;
    }

    /** Every send after the script answers this. */
    public synchronized RecordingSmsSender alwaysRespond(Delivery delivery) {
        otherwise = delivery;
        return this;
    }

    public List<SmsMessage> messages() {
        return List.copyOf(messages);
    }

    public int count() {
        return messages.size();
    }

    public SmsMessage last() {
        if (messages.isEmpty()) {
            throw new AssertionError("no SMS was sent");
        }
        return messages.get(messages.size() - 1);
    }
}
