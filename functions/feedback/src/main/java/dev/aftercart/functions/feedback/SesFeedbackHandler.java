package dev.aftercart.functions.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import dev.aftercart.aws.dynamodb.DynamoDbCustomerStore;
import dev.aftercart.aws.dynamodb.DynamoDbMessageLedger;
import dev.aftercart.aws.dynamodb.DynamoDbSendingReputation;
import dev.aftercart.aws.ses.SesEventParser;
import dev.aftercart.aws.lambda.SnapStartFunction;
import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.core.feedback.EmailFeedback;
import dev.aftercart.core.feedback.FeedbackRecorder;
import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the SES configuration set's EventBridge destination delivers: one event per send,
 * delivery, bounce, complaint, open or click. A malformed event throws, so Lambda puts it in the
 * failure queue with the reason; a DynamoDB failure throws too, and Lambda retries it.
 */
public final class SesFeedbackHandler extends SnapStartFunction {

    public static final List<String> IAM_ACTIONS = AwsWiring.union(DynamoDbCustomerStore.IAM_ACTIONS,
            DynamoDbMessageLedger.IAM_ACTIONS, DynamoDbSendingReputation.IAM_ACTIONS);

    private final FeedbackRecorder recorder;

    public SesFeedbackHandler() {
        this(AwsWiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    private SesFeedbackHandler(AwsWiring wiring) {
        this(wiring.aftercart().feedback(wiring.config().trackEngagement()), wiring::prime);
    }

    /** Tests and the local runner hand in their own recorder. */
    public SesFeedbackHandler(FeedbackRecorder recorder, Runnable priming) {
        super(priming);
        this.recorder = recorder;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.parseObject(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        List<EmailFeedback> feedback = SesEventParser.parse(event);
        feedback.forEach(recorder::record);
        output.write(Json.write(Map.of("recorded", feedback.size())).getBytes(StandardCharsets.UTF_8));
    }
}
