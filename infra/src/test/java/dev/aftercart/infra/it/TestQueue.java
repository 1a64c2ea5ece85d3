package dev.aftercart.infra.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An SQS queue of the test stack, standing in for a function: what a rule or a schedule delivers
 * to the function arrives here instead. Every message read is deleted, so it is seen once.
 */
record TestQueue(SqsClient sqs, String name, String url, String arn) {

    /** Long polls until a body matches, up to {@code timeout}; the bodies that did not match are returned in {@code others}. */
    Optional<String> await(Predicate<String> wanted, Duration timeout, List<String> others) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return Optional.empty();
            }
            for (String body : receive((int) Math.min(20, Math.max(1, left.toSeconds())))) {
                if (wanted.test(body)) {
                    return Optional.of(body);
                }
                others.add(body);
            }
        }
    }

    /** Every body that arrives within {@code window}. */
    List<String> drain(Duration window) {
        List<String> bodies = new ArrayList<>();
        await(body -> false, window, bodies);
        return bodies;
    }

    /** One receive, waiting up to {@code waitSeconds} for the first message. */
    List<String> receive(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds)).messages();
        for (Message message : messages) {
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
        }
        return messages.stream().map(Message::body).toList();
    }
}
