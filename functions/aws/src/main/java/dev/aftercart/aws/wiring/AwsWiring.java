package dev.aftercart.aws.wiring;

import dev.aftercart.aws.dynamodb.CapacityMeter;
import dev.aftercart.aws.dynamodb.DynamoDbCatalog;
import dev.aftercart.aws.dynamodb.DynamoDbCustomerStore;
import dev.aftercart.aws.dynamodb.DynamoDbMessageLedger;
import dev.aftercart.aws.eventbridge.EventBridgeEventPublisher;
import dev.aftercart.aws.scheduler.EventBridgeMessageScheduler;
import dev.aftercart.aws.ses.SesEmailSender;
import dev.aftercart.aws.sns.SnsSmsSender;
import dev.aftercart.core.engine.Aftercart;
import dev.aftercart.core.engine.Ports;
import dev.aftercart.core.port.CustomerStore;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * The composition root shared by the Lambda entries: configuration, SDK clients and adapters,
 * built once per container and handed to the engine.
 */
public final class AwsWiring {

    /** Every IAM action the adapters wired here call; the template test checks each function is granted them. */
    public static final List<String> IAM_ACTIONS = Stream.of(
                    DynamoDbCustomerStore.IAM_ACTIONS, DynamoDbMessageLedger.IAM_ACTIONS, DynamoDbCatalog.IAM_ACTIONS,
                    SesEmailSender.IAM_ACTIONS, SnsSmsSender.IAM_ACTIONS, EventBridgeMessageScheduler.IAM_ACTIONS,
                    EventBridgeEventPublisher.IAM_ACTIONS)
            .flatMap(List::stream)
            .distinct()
            .sorted()
            .toList();

    private final Aftercart aftercart;
    private final CustomerStore customers;

    private AwsWiring(Aftercart aftercart, CustomerStore customers) {
        this.aftercart = aftercart;
        this.customers = customers;
    }

    public static AwsWiring fromEnvironment() {
        return fromEnvironment(Env.system());
    }

    /** Everything a function reads from its environment is read here, through {@code env}. */
    public static AwsWiring fromEnvironment(Env env) {
        return create(AftercartConfig.from(env), AwsClients.fromEnvironment(env));
    }

    public static AwsWiring create(AftercartConfig config, AwsClients clients) {
        CapacityMeter meter = new CapacityMeter();
        var dynamoDb = clients.dynamoDb();
        Clock clock = Clock.systemUTC();
        DynamoDbCustomerStore customers = new DynamoDbCustomerStore(dynamoDb, config.tableName(), meter);
        Ports ports = new Ports(
                customers,
                new DynamoDbMessageLedger(dynamoDb, config.tableName(), meter),
                new DynamoDbCatalog(dynamoDb, config.tableName(), meter),
                new EventBridgeMessageScheduler(clients.scheduler(), config.scheduleGroup(), config.dispatchTargetArn(),
                        config.schedulerRoleArn(), config.scheduleDeadLetterArn()),
                new SesEmailSender(clients.ses(), config.configurationSet(), clock),
                new SnsSmsSender(clients.sns(), config.smsOriginationNumber(), config.smsSenderId()),
                new EventBridgeEventPublisher(clients.eventBridge(), config.eventBusName()),
                phone -> false,
                null,
                clock);
        // TODO issue 5: SNS opt-out list, DynamoDB reputation, link key from Secrets Manager
        var links = new dev.aftercart.core.preferences.LinkTokens(new byte[32], clock, java.time.Duration.ofDays(90));
        return new AwsWiring(Aftercart.assemble(ports, config.store(), links), customers);
    }

    public Aftercart aftercart() {
        return aftercart;
    }

    /**
     * SnapStart priming: rehearse rendering in every language, then one DynamoDB read of a key
     * that never exists, which loads the SDK's marshalling, signing and HTTP paths and opens the
     * connection. Nothing is written and nothing is sent.
     */
    public void prime() {
        aftercart.prime();
        customers.profile("aftercart-priming");
    }
}
