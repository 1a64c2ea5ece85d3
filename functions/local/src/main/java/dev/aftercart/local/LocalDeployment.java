package dev.aftercart.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.aftercart.aws.dynamodb.CapacityMeter;
import dev.aftercart.aws.dynamodb.DynamoDbCatalog;
import dev.aftercart.aws.dynamodb.DynamoDbCustomerStore;
import dev.aftercart.aws.dynamodb.DynamoDbMessageLedger;
import dev.aftercart.aws.wiring.AftercartConfig;
import dev.aftercart.aws.wiring.AwsClients;
import dev.aftercart.aws.wiring.Env;
import dev.aftercart.core.engine.Aftercart;
import dev.aftercart.core.engine.Ports;
import dev.aftercart.functions.customers.CustomerEventsHandler;
import dev.aftercart.functions.dispatch.MessageDispatchHandler;
import dev.aftercart.functions.orders.OrderEventsHandler;
import dev.aftercart.functions.shipments.ShipmentEventsHandler;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stack of template.yaml, stood up in this process: its table on DynamoDB Local, its
 * functions' handlers wired with the real DynamoDB adapters, the virtual clock, the local
 * scheduler and the outbox. Configuration comes from each function's template environment, read
 * by the same {@link AftercartConfig} as on Lambda.
 */
public final class LocalDeployment implements AutoCloseable {

    static final String TABLE = "aftercart-local";

    /** Values for parameters without defaults, and for what only a real deployment can resolve. */
    static final Map<String, String> LOCAL_PARAMETERS = Map.of(
            "SenderEmail", "orders@shop.example",
            "SenderIdentity", "shop.example",
            "PreferencesUrl", "http://127.0.0.1:8080/preferences");
    static final Map<String, String> LOCAL_VALUES = Map.of(
            "TABLE_NAME", TABLE,
            "SES_CONFIGURATION_SET", "aftercart-local",
            "SCHEDULE_GROUP", "aftercart-local",
            "SCHEDULER_ROLE_ARN", "arn:aws:iam::000000000000:role/aftercart-local-scheduler",
            "DISPATCH_TARGET_ARN", "arn:aws:lambda:local:000000000000:function:aftercart-local-message-dispatch:live",
            "SCHEDULE_DLQ_ARN", "arn:aws:sqs:local:000000000000:aftercart-local-schedule-dlq",
            "EVENT_BUS_NAME", "aftercart-local");

    private final LocalDynamoDb dynamoDb;
    private final CapacityMeter meter;
    private final VirtualClock clock;
    private final LocalScheduler scheduler;
    private final Outbox outbox;
    private final DynamoDbMessageLedger ledger;
    private final Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();
    private final List<TemplateFunction> functions;

    public LocalDeployment(TemplateModel template, Path outDir, Instant start) {
        this.dynamoDb = LocalDynamoDb.start();
        this.meter = new CapacityMeter();
        this.clock = new VirtualClock(start);
        this.scheduler = new LocalScheduler();
        this.outbox = new Outbox(outDir, clock);
        AwsClients clients = new AwsClients(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")), dynamoDb.endpoint());
        DynamoDbClient client = clients.dynamoDb();
        LocalDynamoDb.createTable(client, TABLE, template.tableProperties());
        this.ledger = new DynamoDbMessageLedger(client, TABLE, meter);
        this.functions = template.functions();
        Map<String, String> parameters = new LinkedHashMap<>(template.template().parameterDefaults());
        parameters.putAll(LOCAL_PARAMETERS);
        for (TemplateFunction function : functions) {
            Env env = new Env(environment(function, parameters)::get);
            AftercartConfig config = AftercartConfig.from(env);
            Ports ports = new Ports(new DynamoDbCustomerStore(client, config.tableName(), meter), ledger,
                    new DynamoDbCatalog(client, config.tableName(), meter), scheduler, outbox, outbox, outbox,
                    phone -> false, null, clock);
            // TODO issue 5: local reputation and a dev link key
            var links = new dev.aftercart.core.preferences.LinkTokens(new byte[32], clock, java.time.Duration.ofDays(90));
            handlers.put(function.logicalId(), handler(function, Aftercart.assemble(ports, config.store(), links)));
        }
    }

    /** The function's template variables with parameters resolved; what needs a real stack gets a local value. */
    static Map<String, String> environment(TemplateFunction function, Map<String, String> parameters) {
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            Object resolved = SamTemplate.resolveParameters(value, parameters);
            env.put(name, resolved instanceof String s ? s : LOCAL_VALUES.getOrDefault(name, "local:" + name));
        });
        LOCAL_VALUES.forEach(env::put);
        return env;
    }

    /** The same handler classes Lambda runs, built with the local adapters instead of the AWS ones. */
    private static RequestStreamHandler handler(TemplateFunction function, Aftercart aftercart) {
        Map<String, Function<Aftercart, RequestStreamHandler>> known = Map.of(
                OrderEventsHandler.class.getName(),
                a -> new OrderEventsHandler(a.intake(OrderEventsHandler.DETAIL_TYPES), a::prime),
                ShipmentEventsHandler.class.getName(),
                a -> new ShipmentEventsHandler(a.intake(ShipmentEventsHandler.DETAIL_TYPES), a::prime),
                CustomerEventsHandler.class.getName(),
                a -> new CustomerEventsHandler(a.intake(CustomerEventsHandler.DETAIL_TYPES), a::prime),
                MessageDispatchHandler.class.getName(),
                a -> new MessageDispatchHandler(a.dispatcher(), a::prime));
        Function<Aftercart, RequestStreamHandler> factory = known.get(function.handlerClass());
        if (factory == null) {
            throw new IllegalStateException("template function " + function.logicalId() + " names handler "
                    + function.handlerClass() + ", which the local runner does not know");
        }
        return factory.apply(aftercart);
    }

    public RequestStreamHandler handler(String logicalId) {
        return handlers.get(logicalId);
    }

    /** The function EventBridge Scheduler invokes: the one running the dispatch handler. */
    public String dispatchFunction() {
        return functions.stream()
                .filter(f -> f.handlerClass().equals(MessageDispatchHandler.class.getName()))
                .map(TemplateFunction::logicalId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no message-dispatch function"));
    }

    public List<TemplateFunction> functions() {
        return functions;
    }

    public CapacityMeter meter() {
        return meter;
    }

    public VirtualClock clock() {
        return clock;
    }

    public LocalScheduler scheduler() {
        return scheduler;
    }

    public Outbox outbox() {
        return outbox;
    }

    public DynamoDbMessageLedger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
