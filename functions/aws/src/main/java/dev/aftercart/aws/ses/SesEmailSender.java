package dev.aftercart.aws.ses;

import dev.aftercart.aws.wiring.AwsErrors;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.EmailSender;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.MimeWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.RawMessage;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends email through SES v2 {@code SendEmail} as raw MIME written by {@link MimeWriter}, so SES
 * receives exactly the bytes the local outbox stores. The SDK has already retried throttling and
 * 5xx by the time an error reaches this class; what is left becomes a {@link Delivery.Refused}
 * carrying the SES error code only, never an address or content.
 */
public final class SesEmailSender implements EmailSender {

    /** SES v2 authorises {@code SendEmail} with raw content under {@code ses:SendEmail}. */
    public static final List<String> IAM_ACTIONS = List.of("ses:SendEmail");

    /**
     * SendEmail errors that sending this message again cannot fix. Throttling, a paused account
     * and 5xx can pass; so may a code SES adds later, which is why anything else is transient.
     */
    private static final Set<String> PERMANENT = Set.of(
            "MessageRejected",
            "MailFromDomainNotVerifiedException",
            "AccountSuspendedException",
            "NotFoundException",
            "BadRequestException");

    private final SesV2Client client;
    private final String configurationSetName;
    private final Clock clock;

    public SesEmailSender(SesV2Client client, String configurationSetName, Clock clock) {
        this.client = client;
        this.configurationSetName = configurationSetName;
        this.clock = clock;
    }

    @Override
    public Delivery send(EmailMessage message) {
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(message.fromAddress())
                .destination(d -> d.toAddresses(message.to()))
                .content(EmailContent.builder()
                        .raw(RawMessage.builder()
                                .data(SdkBytes.fromByteArrayUnsafe(MimeWriter.write(message, clock.instant())))
                                .build())
                        .build())
                .configurationSetName(configurationSetName)
                .emailTags(tags(message.tags()))
                .build();
        try {
            return new Delivery.Accepted(client.sendEmail(request).messageId());
        } catch (AwsServiceException e) {
            String code = AwsErrors.code(e);
            boolean permanent = PERMANENT.contains(code);
            Log.warn("email_refused", "messageId", message.messageId(), "code", code,
                    "status", e.statusCode(), "permanent", permanent, "awsRequestId", e.requestId());
            return new Delivery.Refused(code, permanent);
        } catch (SdkClientException e) {
            Log.warn("email_not_sent", "messageId", message.messageId(), "code", "network_error",
                    "exception", e.getClass().getSimpleName());
            return new Delivery.Refused("network_error", false);
        }
    }

    /** Sorted by name, so the same message always makes the same request. */
    private static List<MessageTag> tags(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream()
                .map(tag -> MessageTag.builder().name(tag.getKey()).value(tag.getValue()).build())
                .toList();
    }
}
