package dev.aftercart.aws.wiring;

import dev.aftercart.aws.dynamodb.CapacityMeter;
import dev.aftercart.aws.dynamodb.DynamoDbCatalog;
import dev.aftercart.aws.dynamodb.DynamoDbCustomerStore;
import dev.aftercart.aws.dynamodb.DynamoDbMessageLedger;
import dev.aftercart.aws.dynamodb.DynamoDbSendingReputation;
import dev.aftercart.aws.eventbridge.EventBridgeEventPublisher;
import dev.aftercart.aws.scheduler.EventBridgeMessageScheduler;
import dev.aftercart.aws.ses.SesEmailSender;
import dev.aftercart.aws.sns.SnsOptOutList;
import dev.aftercart.aws.sns.SnsSmsSender;
import dev.aftercart.core.engine.Aftercart;
import dev.aftercart.core.engine.Policies;
import dev.aftercart.core.engine.Ports;
import dev.aftercart.core.policy.SendRules;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.preferences.LinkTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The composition root shared by the Lambda entries: configuration, SDK clients and adapters,
 * built once per container and handed to the engine. Every function builds the same ports; each
 * calls only some, and its IAM policy grants only those (see each handler's {@code IAM_ACTIONS}).
 */
public final class AwsWiring {

    /**
     * Every IAM action the functions that run journeys call (the event functions and dispatch);
     * the template test checks each of them is granted these.
     */
    public static final List<String> IAM_ACTIONS = union(
            DynamoDbCustomerStore.IAM_ACTIONS, DynamoDbMessageLedger.IAM_ACTIONS, DynamoDbCatalog.IAM_ACTIONS,
            DynamoDbSendingReputation.IAM_ACTIONS, SesEmailSender.IAM_ACTIONS, SnsSmsSender.IAM_ACTIONS,
            SnsOptOutList.IAM_ACTIONS, EventBridgeMessageScheduler.IAM_ACTIONS, EventBridgeEventPublisher.IAM_ACTIONS,
            LinkKeys.IAM_ACTIONS);

    /** How long a dispatch trusts the pause flag it read; a pause need not take effect to the second. */
    static final Duration PAUSE_CACHE = Duration.ofMinutes(1);

    private final Aftercart aftercart;
    private final CustomerStore customers;
    private final AftercartConfig config;

    private AwsWiring(Aftercart aftercart, CustomerStore customers, AftercartConfig config) {
        this.aftercart = aftercart;
        this.customers = customers;
        this.config = config;
    }

    /** The union of adapters' action lists, sorted, for a function's policy check. */
    public static List<String> union(List<String>... actions) {
        return Stream.of(actions).flatMap(List::stream).distinct().sorted().toList();
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
        var sns = clients.sns();
        var secrets = clients.secretsManager();
        Clock clock = Clock.systemUTC();
        Policies policies = Policies.fromClasspath();
        SendRules.Reputation reputation = policies.sendRules().reputation();
        DynamoDbCustomerStore customers = new DynamoDbCustomerStore(dynamoDb, config.tableName(), meter);
        Ports ports = new Ports(
                customers,
                new DynamoDbMessageLedger(dynamoDb, config.tableName(), meter),
                new DynamoDbCatalog(dynamoDb, config.tableName(), meter),
                new EventBridgeMessageScheduler(clients.scheduler(), config.scheduleGroup(), config.dispatchTargetArn(),
                        config.schedulerRoleArn(), config.scheduleDeadLetterArn()),
                new SesEmailSender(clients.ses(), config.configurationSet(), clock),
                new SnsSmsSender(sns, config.smsOriginationNumber(), config.smsSenderId()),
                new EventBridgeEventPublisher(clients.eventBridge(), config.eventBusName()),
                new SnsOptOutList(sns, clock),
                new DynamoDbSendingReputation(dynamoDb, config.tableName(), meter, reputation.windowSends(),
                        PAUSE_CACHE, clock),
                clock);
        // The key is read on the first link signed or checked, never at cold start: functions that
        // handle no links never read it, and a SnapStart snapshot never holds it.
        LinkTokens links = LinkTokens.lazy(() -> LinkKeys.load(secrets, config.linkSecretId()), clock,
                config.linkLifetime());
        return new AwsWiring(Aftercart.assemble(ports, config.store(), links), customers, config);
    }

    public Aftercart aftercart() {
        return aftercart;
    }

    public AftercartConfig config() {
        return config;
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
