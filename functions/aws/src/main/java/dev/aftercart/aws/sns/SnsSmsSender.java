package dev.aftercart.aws.sns;

import dev.aftercart.aws.wiring.AwsErrors;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.SmsSender;
import dev.aftercart.core.render.SmsMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Sends SMS through SNS {@code Publish} straight to a phone number. Transactional messages go as
 * {@code Transactional} (SNS routes them for reliability), marketing as {@code Promotional} (for
 * cost), so carriers and SNS's own opt-out rules see the same kind the journey declared.
 */
public final class SnsSmsSender implements SmsSender {

    /** Publishing to a phone number is {@code sns:Publish} on resource {@code *}. */
    public static final List<String> IAM_ACTIONS = List.of("sns:Publish");

    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";
    static final String ORIGINATION_NUMBER = "AWS.MM.SMS.OriginationNumber";
    static final String SENDER_ID = "AWS.SNS.SMS.SenderID";

    /**
     * Publish errors that sending this SMS again cannot fix. {@code ParameterValueInvalid} is what
     * SNS sends for InvalidParameterValueException; {@code InvalidParameterValue} is kept for
     * emulators that use the exception's name. Throttling, KMS throttling and InternalError are
     * transient, as is any code not listed here.
     */
    private static final Set<String> PERMANENT = Set.of(
            "InvalidParameter",
            "ParameterValueInvalid",
            "InvalidParameterValue",
            "AuthorizationError",
            "EndpointDisabled",
            "OptedOut",
            "NotFound",
            "PlatformApplicationDisabled",
            "InvalidSecurity",
            "ValidationException");

    private final SnsClient client;
    private final String originationNumber;
    private final String senderId;

    /**
     * @param originationNumber the E.164 number or short code to send from, or {@code null} for SNS's choice
     * @param senderId the alphanumeric sender id where the destination country supports one, or {@code null}
     */
    public SnsSmsSender(SnsClient client, String originationNumber, String senderId) {
        this.client = client;
        this.originationNumber = originationNumber;
        this.senderId = senderId;
    }

    @Override
    public Delivery send(SmsMessage message) {
        PublishRequest request = PublishRequest.builder()
                .phoneNumber(message.to())
                .message(message.body())
                .messageAttributes(attributes(message))
                .build();
        try {
            return new Delivery.Accepted(client.publish(request).messageId());
        } catch (AwsServiceException e) {
            String code = AwsErrors.code(e);
            boolean permanent = PERMANENT.contains(code);
            Log.warn("sms_refused", "messageId", message.messageId(), "code", code,
                    "status", e.statusCode(), "permanent", permanent, "awsRequestId", e.requestId());
            return new Delivery.Refused(code, permanent);
        } catch (SdkClientException e) {
            Log.warn("sms_not_sent", "messageId", message.messageId(), "code", "network_error",
                    "exception", e.getClass().getSimpleName());
            return new Delivery.Refused("network_error", false);
        }
    }

    private Map<String, MessageAttributeValue> attributes(SmsMessage message) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(SMS_TYPE, string(switch (message.kind()) {
            case TRANSACTIONAL -> "Transactional";
            case MARKETING -> "Promotional";
        }));
        if (originationNumber != null) {
            attributes.put(ORIGINATION_NUMBER, string(originationNumber));
        }
        if (senderId != null) {
            attributes.put(SENDER_ID, string(senderId));
        }
        return attributes;
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
