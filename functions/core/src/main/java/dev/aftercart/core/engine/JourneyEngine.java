package dev.aftercart.core.engine;

import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.port.MessageLedger;
import dev.aftercart.core.port.MessageScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Record, plan, dispatch. Each event is folded into state; the journeys it triggers become ledger
 * entries keyed by business facts; what is due now is dispatched at once, the rest is scheduled.
 */
public final class JourneyEngine {

    private final JourneyCatalog journeys;
    private final Recorder recorder;
    private final MessageLedger ledger;
    private final MessageScheduler scheduler;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public JourneyEngine(JourneyCatalog journeys, Recorder recorder, MessageLedger ledger, MessageScheduler scheduler,
            Dispatcher dispatcher, Clock clock) {
        for (Journey journey : journeys.all()) {
            if (!Trigger.canStart(journey.trigger())) {
                throw new IllegalArgumentException("journey " + journey.id() + ": \"" + journey.trigger()
                        + "\" cannot start a journey");
            }
        }
        this.journeys = journeys;
        this.recorder = recorder;
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public EventOutcome handle(String eventId, ShopEvent event) {
        Recording recording = recorder.record(event);
        List<PlannedMessage> messages = new ArrayList<>();
        if (recording.state() != RecordState.STALE) {
            if (event instanceof OrderCancelled cancelled && recording.state() == RecordState.RECORDED) {
                messages.addAll(cancelPending(cancelled));
            }
            Optional<Trigger> trigger = Trigger.of(event);
            if (trigger.isPresent()) {
                for (Journey journey : journeys.triggeredBy(event.detailType())) {
                    messages.addAll(plan(journey, trigger.get()));
                }
            }
        }
        EventOutcome outcome = new EventOutcome(eventId, event.detailType(), recording.state(), messages);
        Log.info("event_handled", "eventId", eventId, "detailType", event.detailType(),
                "state", recording.state().id(), "messages", messages.stream().map(PlannedMessage::describe).toList());
        return outcome;
    }

    private List<PlannedMessage> plan(Journey journey, Trigger trigger) {
        List<PlannedMessage> planned = new ArrayList<>();
        Instant now = clock.instant();
        for (JourneyStep step : journey.steps()) {
            for (Channel channel : step.channels()) {
                String messageId = MessageId.of(journey.id(), step.id(), channel.id(), trigger.businessKey());
                LedgerEntry entry = LedgerEntry.planned(trigger.customerId(), messageId, journey.id(), step.id(),
                        channel, journey.kind(), trigger.subject(), trigger.anchor().plus(step.after()), now);
                planned.add(new PlannedMessage(messageId, journey.id(), step.id(), channel, place(entry)));
            }
        }
        return planned;
    }

    /** Inserts the entry once; a duplicate event finds it there and leaves it alone. */
    private MessageOutcome place(LedgerEntry entry) {
        LedgerEntry current = entry;
        if (!ledger.insert(entry)) {
            current = ledger.find(entry.customerId(), entry.messageId()).orElse(null);
            if (current == null) {
                return new MessageOutcome.Missing();
            }
            if (current.status() != MessageStatus.PLANNED) {
                return new MessageOutcome.Unchanged(current.status());
            }
            // Planned but never dispatched or scheduled: an earlier attempt stopped half-way.
        }
        Instant now = clock.instant();
        if (!current.dueAt().isAfter(now)) {
            return dispatcher.dispatch(current);
        }
        String name = ScheduleNames.of(current.messageId(), current.dueAt());
        scheduler.schedule(name, current.customerId(), current.messageId(), current.dueAt());
        ledger.update(current.scheduled(name, current.dueAt(), now), current.version());
        return new MessageOutcome.Scheduled(current.dueAt());
    }

    /** A cancelled order withdraws every message about it that has not gone out yet. */
    private List<PlannedMessage> cancelPending(OrderCancelled event) {
        List<PlannedMessage> cancelled = new ArrayList<>();
        Instant now = clock.instant();
        for (LedgerEntry entry : ledger.forCustomer(event.customerId())) {
            if (!event.orderId().equals(entry.orderId()) || entry.status().isFinal()
                    || entry.status() == MessageStatus.SENDING) {
                continue;
            }
            if (entry.scheduleName() != null) {
                scheduler.cancel(entry.scheduleName());
            }
            if (ledger.update(entry.cancelled("order_cancelled", now), entry.version())) {
                cancelled.add(new PlannedMessage(entry.messageId(), entry.journeyId(), entry.stepId(), entry.channel(),
                        new MessageOutcome.Cancelled("order_cancelled")));
            }
        }
        return cancelled;
    }
}
