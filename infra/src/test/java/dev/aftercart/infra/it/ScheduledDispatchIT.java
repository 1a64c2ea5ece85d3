package dev.aftercart.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.aws.scheduler.EventBridgeMessageScheduler;
import dev.aftercart.core.engine.ScheduleNames;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.ledger.MessageStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One-time EventBridge Scheduler schedules made by the real adapter, {@link EventBridgeMessageScheduler},
 * really fire at their {@code at()} time, and a deleted one does not. The schedule's target is an
 * SQS queue standing in for the message-dispatch function: what arrives there is what Scheduler
 * would invoke dispatch with, and it is fed to the real dispatch handler.
 *
 * <p>Some emulators store schedules without ever firing them. LocalStack Community is one, and says
 * which edition it is at {@code GET /_localstack/info}, so there these tests skip at once. Elsewhere
 * it is only known by waiting: when nothing fires within {@link #FIRING} of its time, they skip and
 * say so.
 */
@ExtendWith(EmulatorExtension.class)
class ScheduledDispatchIT {

    /** How far ahead a schedule is set: enough to create, and cancel, before it is due. */
    static final Duration AHEAD = Duration.ofSeconds(10);
    /** How long after its time a schedule may take to arrive; Scheduler on AWS is within a minute. */
    static final Duration FIRING = Duration.ofSeconds(90);
    /** How long to keep watching for a cancelled schedule after its twin, due at the same second, fired. */
    static final Duration AFTER_CONTROL = Duration.ofSeconds(15);

    /** Why schedules do not fire on this emulator, once a test has waited in vain; the other then skips at once. */
    private static volatile String doesNotFire;

    private final EmulatorStack stack;

    ScheduledDispatchIT(EmulatorStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void skipWhereSchedulesDoNotFire() {
        if (doesNotFire == null && stack.emulator().inspection().edition().filter("community"::equals).isPresent()) {
            doesNotFire = stack.emulator().description() + " is LocalStack Community (GET /_localstack/info), which"
                    + " stores EventBridge Scheduler schedules without firing them, so this test cannot run there.";
        }
        if (doesNotFire != null) {
            Assumptions.abort(doesNotFire);
        }
        stack.scheduleGroup().require();
    }

    @Test
    void scheduledMessage_firesAtItsTime_andDispatchSendsIt() {
        // Given a customer with an order, and an email for them in the ledger, due a few seconds from now
        stack.sesIdentity().require();
        TestQueue dispatch = stack.queue("scheduled-dispatch").require();
        TestOrder order = stack.nextOrder();
        EmulatorStack.invoke(stack.orderEventsHandler(), order.envelope());
        Instant now = Instant.now();
        Instant at = dueIn(AHEAD);
        String messageId = MessageId.of("order-confirmation", "confirm", "email", "it-scheduled:" + order.orderId());
        String name = ScheduleNames.of(messageId, at);
        LedgerEntry planned = LedgerEntry.planned(order.customerId(), messageId, "order-confirmation", "confirm",
                Channel.EMAIL, MessageKind.TRANSACTIONAL, Map.of("orderId", order.orderId()), at, now);
        assertThat(stack.ledger().insert(planned.scheduled(name, at, now))).isTrue();

        // When the adapter schedules it at() that time, with the queue as the dispatch target
        scheduler(dispatch).schedule(name, order.customerId(), messageId, at);

        // Then it fires: the target receives the input Scheduler invokes dispatch with
        Optional<String> fired = dispatch.await(body -> body.contains(messageId), untilFired(at), new ArrayList<>());
        skipUnlessFired(fired, at);
        assertThat(Json.parseObject(fired.get()))
                .containsEntry("customerId", order.customerId())
                .containsEntry("messageId", messageId);

        // And the dispatch function, given that input, sends the email and records it sent
        String outcome = EmulatorStack.invoke(stack.dispatchHandler(), fired.get());
        assertThat(Json.parseObject(outcome)).containsEntry("outcome", "sent");
        LedgerEntry sent = stack.ledger().find(order.customerId(), messageId).orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.providerMessageId()).as("SES's message id").isNotBlank();
        // Where the emulator shows its email: this one, besides the order's confirmation.
        stack.emulator().inspection().emailsTo(order.email())
                .ifPresent(emails -> assertThat(emails).as("emails to the customer").hasSize(2));
    }

    @Test
    void cancelledSchedule_neverFires() {
        // Given two schedules due at the same second, into the same target
        TestQueue target = stack.queue("scheduled-cancel").require();
        EventBridgeMessageScheduler scheduler = scheduler(target);
        Instant at = dueIn(AHEAD);
        String cancelledId = MessageId.of("it", "cancel", "email", stack.name() + ":cancelled");
        String controlId = MessageId.of("it", "cancel", "email", stack.name() + ":control");
        scheduler.schedule(ScheduleNames.of(cancelledId, at), "cus-it-none", cancelledId, at);
        scheduler.schedule(ScheduleNames.of(controlId, at), "cus-it-none", controlId, at);

        // When one of them is cancelled while pending
        scheduler.cancel(ScheduleNames.of(cancelledId, at));
        assertThat(Instant.now()).as("cancelled before it was due").isBefore(at);

        // Then its twin fires, which shows schedules fire here, and when ...
        List<String> received = new ArrayList<>();
        Optional<String> control = target.await(body -> body.contains(controlId), untilFired(at), received);
        skipUnlessFired(control, at);

        // ... and the cancelled one never arrives, not even well after its twin
        received.addAll(target.drain(AFTER_CONTROL));
        assertThat(received).noneMatch(body -> body.contains(cancelledId));
    }

    private EventBridgeMessageScheduler scheduler(TestQueue target) {
        return new EventBridgeMessageScheduler(stack.scheduler(), stack.name(), target.arn(),
                EmulatorStack.SCHEDULER_ROLE_ARN, null);
    }

    /** A whole second, as Scheduler's {@code at()} has it. */
    private static Instant dueIn(Duration ahead) {
        return Instant.now().plus(ahead).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Duration untilFired(Instant at) {
        return Duration.between(Instant.now(), at).plus(FIRING);
    }

    private void skipUnlessFired(Optional<String> fired, Instant at) {
        if (fired.isEmpty()) {
            doesNotFire = stack.emulator().description() + " accepted a schedule at(" + at + ") but nothing reached"
                    + " its SQS target within " + FIRING.toSeconds() + " s of that time: it stores EventBridge Scheduler"
                    + " schedules without firing them (LocalStack Community does), so this test cannot run there.";
            Assumptions.abort(doesNotFire);
        }
    }
}
