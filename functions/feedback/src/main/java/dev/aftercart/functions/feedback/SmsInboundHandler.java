package dev.aftercart.functions.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import dev.aftercart.aws.dynamodb.DynamoDbCustomerStore;
import dev.aftercart.aws.eventbridge.EventBridgeEventPublisher;
import dev.aftercart.aws.sns.InboundSmsParser;
import dev.aftercart.aws.sns.SnsOptOutList;
import dev.aftercart.aws.sns.SnsSmsSender;
import dev.aftercart.aws.lambda.SnapStartFunction;
import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.core.feedback.InboundSms;
import dev.aftercart.core.feedback.SmsKeywords;
import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Texts customers send back, as two-way SMS publishes them to an SNS topic: STOP and its
 * synonyms withdraw SMS marketing consent, START and UNSTOP restore it, HELP is answered. SNS
 * keeps its own opt-out list as well, and puts a number on it at STOP; this keeps the profile, and
 * the store's records through the consent event, in line with it, and takes the number off SNS's
 * list again at START.
 */
public final class SmsInboundHandler extends SnapStartFunction {

    public static final List<String> IAM_ACTIONS = AwsWiring.union(DynamoDbCustomerStore.IAM_ACTIONS,
            EventBridgeEventPublisher.IAM_ACTIONS, SnsSmsSender.IAM_ACTIONS, SnsOptOutList.OPT_IN_IAM_ACTIONS);

    private final SmsKeywords keywords;

    public SmsInboundHandler() {
        this(AwsWiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    private SmsInboundHandler(AwsWiring wiring) {
        this(wiring.aftercart().smsKeywords(), wiring::prime);
    }

    /** Tests and the local runner hand in their own keywords. */
    public SmsInboundHandler(SmsKeywords keywords, Runnable priming) {
        super(priming);
        this.keywords = keywords;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.parseObject(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        List<String> actions = new ArrayList<>();
        for (InboundSms sms : InboundSmsParser.parse(event)) {
            actions.add(keywords.handle(sms).name().toLowerCase(Locale.ROOT));
        }
        output.write(Json.write(Map.of("actions", actions)).getBytes(StandardCharsets.UTF_8));
    }
}
