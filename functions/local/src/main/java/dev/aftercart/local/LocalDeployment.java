package dev.aftercart.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.aftercart.aws.dynamodb.CapacityMeter;
import dev.aftercart.aws.dynamodb.DynamoDbCatalog;
import dev.aftercart.aws.dynamodb.DynamoDbCustomerStore;
import dev.aftercart.aws.dynamodb.DynamoDbMessageLedger;
import dev.aftercart.aws.dynamodb.DynamoDbSendingReputation;
import dev.aftercart.aws.sns.InboundSmsParser;
import dev.aftercart.aws.wiring.AftercartConfig;
import dev.aftercart.aws.wiring.AwsClients;
import dev.aftercart.aws.wiring.Env;
import dev.aftercart.core.engine.Aftercart;
import dev.aftercart.core.engine.Policies;
import dev.aftercart.core.engine.Ports;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.functions.customers.CustomerEventsHandler;
import dev.aftercart.functions.dispatch.MessageDispatchHandler;
import dev.aftercart.functions.feedback.OperationsHandler;
import dev.aftercart.functions.feedback.SesFeedbackHandler;
import dev.aftercart.functions.feedback.SmsInboundHandler;
import dev.aftercart.functions.orders.OrderEventsHandler;
import dev.aftercart.functions.preferences.PreferencesHandler;
import dev.aftercart.functions.shipments.ShipmentEventsHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stack of template.yaml, stood up in this process: its table on DynamoDB Local, every one of
 * its functions' handlers wired with the real DynamoDB adapters, the virtual clock, the local
 * scheduler, and the outbox standing in for SES and SNS. Configuration comes from each function's
 * template environment, resolved with the local values below and read by the same
 * {@link AftercartConfig} as on Lambda; the rule patterns are resolved with the same values, so the
 * configuration set the functions send with is the one the feedback rule listens for.
 */
public final class LocalDeployment implements AutoCloseable {

    static final String TABLE = "aftercart-local";
    /** Where {@code serve} answers by default; every email's preference and unsubscribe links point here. */
    public static final int DEFAULT_PORT = 8025;
    public static final String DEFAULT_PREFERENCES_URL = preferencesUrl(DEFAULT_PORT);

    /**
     * Signs the unsubscribe and preference links of local runs, and nothing else. It is public on
     * purpose: it protects nothing but the local outbox. A deployment never sees it; there the key is
     * the generated {@code LinkSigningSecret} in Secrets Manager, read through LINK_SECRET_ARN.
     */
    static final byte[] DEVELOPMENT_LINK_KEY =
            "aftercart-local-development-only-link-key-never-used-on-aws".getBytes(StandardCharsets.US_ASCII);

    /**
     * Values for parameters without defaults, and the local choices. LinkLifetimeDays is ten years
     * because {@code serve} checks links on the virtual clock where the run ended, which may be
     * months or years after the first email of the run; a link must still open.
     */
    static final Map<String, String> LOCAL_PARAMETERS = Map.of(
            "SenderEmail", "orders@shop.example",
            "SenderIdentity", "shop.example",
            "LinkLifetimeDays", "3650");
    /** Physical names of the resources whose {@code Ref} the environment and rule patterns use. */
    static final Map<String, String> LOCAL_RESOURCES = Map.of(
            "Table", TABLE,
            "ConfigurationSet", "aftercart-local-messages",
            "ScheduleGroup", "aftercart-local-messages",
            "EventBus", "aftercart-local",
            "LinkSigningSecret", "aftercart-local-link-key (unused: see LocalDeployment.DEVELOPMENT_LINK_KEY)");
    /** What only a real stack can resolve (Fn::GetAtt, Fn::Sub of pseudo parameters). */
    static final Map<String, String> UNRESOLVABLE = Map.of(
            "SCHEDULER_ROLE_ARN", "arn:aws:iam::000000000000:role/aftercart-local-scheduler",
            "DISPATCH_TARGET_ARN", "arn:aws:lambda:local:000000000000:function:aftercart-local-message-dispatch:live",
            "SCHEDULE_DLQ_ARN", "arn:aws:sqs:local:000000000000:aftercart-local-schedule-dlq");

    private final LocalDynamoDb dynamoDb;
    private final CapacityMeter meter;
    private final VirtualClock clock;
    private final LocalScheduler scheduler;
    private final LocalSmsOptOuts smsOptOuts = new LocalSmsOptOuts();
    private final Outbox outbox;
    private final DynamoDbMessageLedger ledger;
    private final DynamoDbCustomerStore customers;
    private final Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();
    private final List<TemplateFunction> functions;
    private final LinkTokens links;
    private final String preferencesUrl;

    public LocalDeployment(SamTemplate template, Path outDir, Instant start) {
        this(template, outDir, start, DEFAULT_PREFERENCES_URL);
    }

    /**
     * @param preferencesUrl the local preference page every email links to, e.g.
     *     {@code http://127.0.0.1:8025/preferences/}; {@code serve} passes the port it listens on
     */
    public LocalDeployment(SamTemplate template, Path outDir, Instant start, String preferencesUrl) {
        TemplateModel model = templateModel(template, preferencesUrl);
        this.functions = model.functions();
        Map<String, AftercartConfig> configs = new LinkedHashMap<>();
        for (TemplateFunction function : functions) {
            configs.put(function.logicalId(), AftercartConfig.from(new Env(environment(template, function,
                    model.parameters())::get)));
        }
        Set<String> configurationSets = new LinkedHashSet<>();
        configs.values().forEach(c -> configurationSets.add(c.configurationSet()));
        if (configurationSets.size() != 1) {
            throw new IllegalStateException("the functions send with different SES configuration sets: "
                    + configurationSets);
        }
        this.dynamoDb = LocalDynamoDb.start();
        this.meter = new CapacityMeter();
        this.clock = new VirtualClock(start);
        this.scheduler = new LocalScheduler();
        this.outbox = new Outbox(outDir, clock, configurationSets.iterator().next());
        AwsClients clients = new AwsClients(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")), dynamoDb.endpoint());
        DynamoDbClient client = clients.dynamoDb();
        LocalDynamoDb.createTable(client, TABLE, model.tableProperties());
        this.ledger = new DynamoDbMessageLedger(client, TABLE, meter);
        this.customers = new DynamoDbCustomerStore(client, TABLE, meter);
        long windowSends = Policies.fromClasspath().sendRules().reputation().windowSends();
        LinkTokens lastLinks = null;
        String lastPreferencesUrl = null;
        for (TemplateFunction function : functions) {
            AftercartConfig config = configs.get(function.logicalId());
            // No caching of the pause: on virtual time a minute's cache could outlive a whole run's change.
            Ports ports = new Ports(new DynamoDbCustomerStore(client, config.tableName(), meter), ledger,
                    new DynamoDbCatalog(client, config.tableName(), meter), scheduler, outbox, outbox, outbox,
                    smsOptOuts,
                    new DynamoDbSendingReputation(client, config.tableName(), meter, windowSends, Duration.ZERO, clock),
                    clock);
            lastLinks = new LinkTokens(DEVELOPMENT_LINK_KEY, clock, config.linkLifetime());
            lastPreferencesUrl = config.store().preferencesUrl();
            handlers.put(function.logicalId(), handler(function, Aftercart.assemble(ports, config.store(), lastLinks),
                    config));
        }
        this.links = lastLinks;
        this.preferencesUrl = lastPreferencesUrl;
    }

    public static String preferencesUrl(int port) {
        return "http://127.0.0.1:" + port + "/preferences/";
    }

    /** The template as this deployment resolves it: parameter defaults, the local parameters and resource names. */
    static TemplateModel templateModel(SamTemplate template, String preferencesUrl) {
        Map<String, String> values = new LinkedHashMap<>(template.parameterDefaults());
        values.putAll(LOCAL_PARAMETERS);
        values.put("PreferencesUrl", preferencesUrl);
        values.putAll(LOCAL_RESOURCES);
        return new TemplateModel(template, values);
    }

    /** The function's template variables resolved with {@code values}; what needs a real stack gets a local stand-in. */
    static Map<String, String> environment(SamTemplate template, TemplateFunction function, Map<String, String> values) {
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            Object resolved = template.resolve(value, values);
            env.put(name, resolved instanceof String s ? s
                    : resolved instanceof Number n ? n.toString()
                    : UNRESOLVABLE.getOrDefault(name, "local:" + name));
        });
        return env;
    }

    /** The same handler classes Lambda runs, built with the local adapters instead of the AWS ones. */
    private RequestStreamHandler handler(TemplateFunction function, Aftercart aftercart, AftercartConfig config) {
        Map<String, BiFunction<Aftercart, AftercartConfig, RequestStreamHandler>> known = Map.of(
                OrderEventsHandler.class.getName(),
                (a, c) -> new OrderEventsHandler(a.intake(OrderEventsHandler.DETAIL_TYPES), a::prime),
                ShipmentEventsHandler.class.getName(),
                (a, c) -> new ShipmentEventsHandler(a.intake(ShipmentEventsHandler.DETAIL_TYPES), a::prime),
                CustomerEventsHandler.class.getName(),
                (a, c) -> new CustomerEventsHandler(a.intake(CustomerEventsHandler.DETAIL_TYPES), a::prime),
                MessageDispatchHandler.class.getName(),
                (a, c) -> new MessageDispatchHandler(a.dispatcher(), a::prime),
                PreferencesHandler.class.getName(),
                (a, c) -> new PreferencesHandler(a.preferences(), a::prime),
                SesFeedbackHandler.class.getName(),
                (a, c) -> new SesFeedbackHandler(a.feedback(c.trackEngagement()), a::prime),
                SmsInboundHandler.class.getName(),
                (a, c) -> new ProviderOptOuts(new SmsInboundHandler(a.smsKeywords(), a::prime), smsOptOuts),
                OperationsHandler.class.getName(),
                (a, c) -> new OperationsHandler(a, a::prime));
        BiFunction<Aftercart, AftercartConfig, RequestStreamHandler> factory = known.get(function.handlerClass());
        if (factory == null) {
            throw new IllegalStateException("template function " + function.logicalId() + " names handler "
                    + function.handlerClass() + ", which the local runner does not know");
        }
        return factory.apply(aftercart, config);
    }

    /**
     * The provider's side of a text sent to the store's number: after the function has handled it,
     * a STOP also lands on the provider's own opt-out list, as it does on AWS.
     */
    private record ProviderOptOuts(RequestStreamHandler function, LocalSmsOptOuts list) implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            byte[] event = input.readAllBytes();
            function.handleRequest(new ByteArrayInputStream(event), output, context);
            InboundSmsParser.parse(Json.parseObject(new String(event, StandardCharsets.UTF_8))).forEach(list::received);
        }
    }

    public RequestStreamHandler handler(String logicalId) {
        RequestStreamHandler handler = handlers.get(logicalId);
        if (handler == null) {
            throw new IllegalArgumentException("template.yaml has no function " + logicalId);
        }
        return handler;
    }

    /** The logical id of the template function whose handler is this class. */
    public String functionRunning(Class<? extends RequestStreamHandler> handlerClass) {
        return functions.stream()
                .filter(f -> f.handlerClass().equals(handlerClass.getName()))
                .map(TemplateFunction::logicalId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no function with handler "
                        + handlerClass.getName()));
    }

    /** The function EventBridge Scheduler invokes: the one running the dispatch handler. */
    public String dispatchFunction() {
        return functionRunning(MessageDispatchHandler.class);
    }

    /** A link to the customer's preference page, as the footer of an email sent now would carry it. */
    public String preferenceLink(String customerId) {
        return preferencesUrl + "?t=" + links.issue(customerId, LinkTokens.PREFERENCES);
    }

    public String preferencesUrl() {
        return preferencesUrl;
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

    public CustomerStore customers() {
        return customers;
    }

    public LocalSmsOptOuts smsOptOuts() {
        return smsOptOuts;
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
