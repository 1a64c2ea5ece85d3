package dev.aftercart.core.testing;

import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.EmailSender;
import dev.aftercart.core.render.EmailMessage;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every email handed to it, whatever it answers. Answers come from a script
 * ({@link #thenRespond}), then from {@link #alwaysRespond}, and otherwise accept with id
 * {@code ses-<n>}.
 */
public final class RecordingEmailSender implements EmailSender {

    private final List<EmailMessage> messages = new CopyOnWriteArrayList<>();
    private final Queue<Delivery> script = new ArrayDeque<>();
    private Delivery otherwise;

    @Override
    public synchronized Delivery send(EmailMessage message) {
        messages.add(message);
        Delivery scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        return otherwise != null ? otherwise : new Delivery.Accepted("ses-" + messages.size());
    }

    /** The next sends answer these, in order. */
    public synchronized RecordingEmailSender thenRespond(Delivery... deliveries) {
        script.addAll(List.of(deliveries));
        return this;
    }

    /** Every send after the script answers this. */
    public synchronized RecordingEmailSender alwaysRespond(Delivery delivery) {
        otherwise = delivery;
        return this;
    }

    public List<EmailMessage> messages() {
        return List.copyOf(messages);
    }

    public int count() {
        return messages.size();
    }

    public EmailMessage last() {
        if (messages.isEmpty()) {
            throw new AssertionError("no email was sent");
        }
        return messages.get(messages.size() - 1);
    }
}
