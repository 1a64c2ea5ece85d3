package dev.aftercart.core.ledger;

import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One message in the ledger: what it is for, when it is due, and what became of it.
 *
 * @param subject the business facts it is about, e.g. {@code orderId}; never personal data
 * @param reason why it was skipped or failed, in the ledger's words
 * @param scheduleName the EventBridge Scheduler schedule that will fire it, when one exists
 * @param feedback what the provider reported after the send: delivered, bounced, complained, opened, clicked
 * @param version bumped on every write, so two dispatchers can never both claim it
 */
public record LedgerEntry(
        String customerId,
        String messageId,
        String journeyId,
        String stepId,
        Channel channel,
        MessageKind kind,
        Map<String, String> subject,
        Instant dueAt,
        MessageStatus status,
        String reason,
        int attempts,
        String scheduleName,
        String providerMessageId,
        Integer smsSegments,
        Instant createdAt,
        Instant updatedAt,
        String feedback,
        long version) {

    public LedgerEntry {
        subject = Map.copyOf(subject);
    }

    public static LedgerEntry planned(String customerId, String messageId, String journeyId, String stepId,
            Channel channel, MessageKind kind, Map<String, String> subject, Instant dueAt, Instant now) {
        return new LedgerEntry(customerId, messageId, journeyId, stepId, channel, kind, subject, dueAt,
                MessageStatus.PLANNED, null, 0, null, null, null, now, now, null, 1);
    }

    public String orderId() {
        return subject.get("orderId");
    }

    /** The products the message is about ({@code productIds} in the subject), in subject order. */
    public List<String> productIds() {
        String ids = subject.get("productIds");
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(ids.split(",")).map(id -> id.replace("%2C", ",").replace("%25", "%")).toList();
    }

    /** Product ids as one subject value; commas inside an id are escaped so the list splits back exactly. */
    public static String joinProductIds(List<String> ids) {
        return ids.stream().map(id -> id.replace("%", "%25").replace(",", "%2C")).collect(Collectors.joining(","));
    }

    private LedgerEntry next(MessageStatus nextStatus, String nextReason, int nextAttempts, Instant nextDue,
            String nextSchedule, String providerId, Integer segments, Instant now) {
        return new LedgerEntry(customerId, messageId, journeyId, stepId, channel, kind, subject, nextDue, nextStatus,
                nextReason, nextAttempts, nextSchedule, providerId, segments, createdAt, now, feedback, version + 1);
    }

    /** The provider's report about a sent message; the status stays what it is. */
    public LedgerEntry withFeedback(String what, Instant now) {
        return new LedgerEntry(customerId, messageId, journeyId, stepId, channel, kind, subject, dueAt, status, reason,
                attempts, scheduleName, providerMessageId, smsSegments, createdAt, now, what, version + 1);
    }

    public LedgerEntry scheduled(String name, Instant at, Instant now) {
        return next(MessageStatus.SCHEDULED, null, attempts, at, name, providerMessageId, smsSegments, now);
    }

    public LedgerEntry held(String name, Instant until, String why, Instant now) {
        return next(MessageStatus.HELD, why, attempts, until, name, providerMessageId, smsSegments, now);
    }

    /**
     * Held by a pause that may be renewed many times: schedule {@code name} looks again later, and the
     * message keeps its due time, so its expiry still counts from when it fell due.
     */
    public LedgerEntry paused(String name, String why, Instant now) {
        return next(MessageStatus.HELD, why, attempts, dueAt, name, providerMessageId, smsSegments, now);
    }

    public LedgerEntry claimed(Instant now) {
        return next(MessageStatus.SENDING, null, attempts + 1, dueAt, scheduleName, providerMessageId, smsSegments, now);
    }

    public LedgerEntry sent(String providerId, Integer segments, Instant now) {
        return next(MessageStatus.SENT, null, attempts, dueAt, scheduleName, providerId, segments, now);
    }

    public LedgerEntry skipped(SkipReason why, Instant now) {
        return next(MessageStatus.SKIPPED, why.id(), attempts, dueAt, scheduleName, providerMessageId, smsSegments, now);
    }

    public LedgerEntry failed(String cause, Instant now) {
        return next(MessageStatus.FAILED, cause, attempts, dueAt, scheduleName, providerMessageId, smsSegments, now);
    }

    public LedgerEntry cancelled(String why, Instant now) {
        return next(MessageStatus.CANCELLED, why, attempts, dueAt, scheduleName, providerMessageId, smsSegments, now);
    }
}
