package dev.aftercart.infra.it;

import dev.aftercart.aws.dynamodb.CapacityMeter;
import dev.aftercart.aws.dynamodb.DynamoDbMessageLedger;
import dev.aftercart.aws.wiring.AftercartConfig;
import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.aws.wiring.Env;
import dev.aftercart.core.json.Json;
import dev.aftercart.functions.dispatch.MessageDispatchHandler;
import dev.aftercart.functions.orders.OrderEventsHandler;
import dev.aftercart.infra.it.MissingApi.Part;
import dev.aftercart.local.LocalDynamoDb;
import dev.aftercart.local.SamTemplate;
import dev.aftercart.local.TemplateFunction;
import dev.aftercart.local.TemplateModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the integration tests need on the emulator, created through the SDK with names unique to
 * this run ({@code aftercart-it-<random>}) and deleted at the end of it, best effort: the table as
 * template.yaml declares it, the link-signing secret, the SES identity and configuration set, the
 * bus with the template's rules, the schedule group, and SQS queues standing in for the functions.
 *
 * <p>Each piece is created on first use. One the emulator does not implement becomes a
 * {@link Part.Missing}: the tests that need it skip and say so, the others still run.
 */
final class EmulatorStack implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final SamTemplate TEMPLATE = read();

    /** Scheduler assumes this role on AWS; emulators take any well-formed role ARN. */
    static final String SCHEDULER_ROLE_ARN = "arn:aws:iam::000000000000:role/aftercart-it-scheduler";
    static final String PREFERENCES_URL = "https://shop.example.com/preferences/";
    /** A number only probed for opt-out, never texted. */
    private static final String PROBE_PHONE = "+14155550100";

    private final Emulator emulator;
    private final String runId;
    private final String name;
    private final String senderDomain;
    private final String senderEmail;

    private final DynamoDbClient dynamoDb;
    private final EventBridgeClient events;
    private final SchedulerClient scheduler;
    private final SecretsManagerClient secrets;
    private final SesV2Client ses;
    private final SnsClient sns;
    private final SqsClient sqs;

    private final Deque<Cleanup> cleanups = new ArrayDeque<>();
    private final Map<String, Part<TestQueue>> queues = new LinkedHashMap<>();
    private final Map<String, AwsWiring> wirings = new LinkedHashMap<>();
    private final AtomicInteger orders = new AtomicInteger();
    private Part<String> table;
    private Part<String> secret;
    private Part<String> sesIdentity;
    private Part<Boolean> smsApi;
    private Part<String> scheduleGroup;
    private Part<Bus> bus;

    /** The bus and, per rule of the template on it, the queue the rule targets. */
    record Bus(String name, Map<String, TestQueue> queueByRule) {
    }

    private record Cleanup(String what, Runnable action) {
    }

    EmulatorStack(Emulator emulator) {
        this.emulator = emulator;
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        this.runId = HexFormat.of().formatHex(random);
        this.name = "aftercart-it-" + runId;
        this.senderDomain = name + ".example.com";
        this.senderEmail = "orders@" + senderDomain;
        this.dynamoDb = emulator.clients().dynamoDb();
        this.events = emulator.clients().eventBridge();
        this.scheduler = emulator.clients().scheduler();
        this.secrets = emulator.clients().secretsManager();
        this.ses = emulator.clients().ses();
        this.sns = emulator.clients().sns();
        this.sqs = emulator.sqs();
    }

    Emulator emulator() {
        return emulator;
    }

    /** The per-run name every resource of the stack is called by (queues add their role to it). */
    String name() {
        return name;
    }

    String senderEmail() {
        return senderEmail;
    }

    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    EventBridgeClient events() {
        return events;
    }

    SchedulerClient scheduler() {
        return scheduler;
    }

    /** A fresh order, unique to this run and call, placed now. */
    TestOrder nextOrder() {
        return TestOrder.create(runId, orders.incrementAndGet(), Instant.now());
    }

    // --- the pieces -----------------------------------------------------------------------------

    /** The table, with the key schema, indexes and TTL template.yaml gives it. */
    synchronized Part<String> table() {
        if (table == null) {
            table = create("DynamoDB CreateTable", "table " + name, () -> {
                try {
                    LocalDynamoDb.createTable(dynamoDb, name, model().tableProperties());
                } catch (ResourceInUseException e) {
                    // The first DynamoDB call starts LocalStack's DynamoDB Local; when that outlasts the socket
                    // timeout, the SDK's retry finds the table the first attempt made. The name is this run's.
                }
                dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(name));
                return name;
            }, created -> dynamoDb.deleteTable(r -> r.tableName(created)));
        }
        return table;
    }

    /** The link-signing key, as the stack's LinkSigningSecret generates it: 64 letters and digits. */
    synchronized Part<String> secret() {
        if (secret == null) {
            String secretName = name + "-link-key";
            secret = create("Secrets Manager CreateSecret", "secret " + secretName,
                    () -> secrets.createSecret(r -> r.name(secretName).secretString(randomKey())).arn(),
                    arn -> secrets.deleteSecret(r -> r.secretId(arn).forceDeleteWithoutRecovery(true)));
        }
        return secret;
    }

    /** The sender's SES v2 identities (its domain and the address itself) and the configuration set it sends with. */
    synchronized Part<String> sesIdentity() {
        if (sesIdentity == null) {
            // Not best-effort: AftercartConfig requires SES_CONFIGURATION_SET, and every SendEmail names it.
            sesIdentity = create("SES v2 CreateConfigurationSet", "configuration set " + name, () -> {
                ses.createConfigurationSet(r -> r.configurationSetName(name));
                return name;
            }, created -> ses.deleteConfigurationSet(r -> r.configurationSetName(created)));
            for (String identity : List.of(senderDomain, senderEmail)) {
                if (sesIdentity instanceof Part.Available<String>) {
                    sesIdentity = create("SES v2 CreateEmailIdentity", "identity " + identity, () -> {
                        ses.createEmailIdentity(r -> r.emailIdentity(identity));
                        return senderEmail;
                    }, created -> ses.deleteEmailIdentity(r -> r.emailIdentity(identity)));
                }
            }
        }
        return sesIdentity;
    }

    /** Whether the emulator's SNS has the SMS calls the adapters make; nothing is created. */
    synchronized Part<Boolean> smsApi() {
        if (smsApi == null) {
            smsApi = MissingApi.probe("SNS CheckIfPhoneNumberIsOptedOut", emulator.description(),
                    () -> sns.checkIfPhoneNumberIsOptedOut(r -> r.phoneNumber(PROBE_PHONE)).isOptedOut());
        }
        return smsApi;
    }

    synchronized Part<String> scheduleGroup() {
        if (scheduleGroup == null) {
            scheduleGroup = create("EventBridge Scheduler CreateScheduleGroup", "schedule group " + name,
                    () -> {
                        scheduler.createScheduleGroup(r -> r.name(name));
                        return name;
                    },
                    created -> scheduler.deleteScheduleGroup(r -> r.name(created)));
        }
        return scheduleGroup;
    }

    /** A queue standing in for {@code role}; its policy lets EventBridge rules of this stack send to it. */
    synchronized Part<TestQueue> queue(String role) {
        return queues.computeIfAbsent(role, r -> {
            String queueName = name + "-" + role;
            Part<String> url = create("SQS CreateQueue", "queue " + queueName,
                    () -> sqs.createQueue(q -> q.queueName(queueName)).queueUrl(),
                    created -> sqs.deleteQueue(q -> q.queueUrl(created)));
            if (url instanceof Part.Missing<String> missing) {
                return new Part.Missing<>(missing.why());
            }
            String queueUrl = url.require();
            String arn = sqs.getQueueAttributes(q -> q.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            return new Part.Available<>(new TestQueue(sqs, queueName, queueUrl, arn));
        });
    }

    /**
     * The bus, and every rule template.yaml puts on it, with the template's own pattern, each
     * targeting a queue of its own. Rules the template puts on the default bus (SES feedback) are
     * left out: the default bus is the emulator's, not this run's.
     */
    synchronized Part<Bus> bus() {
        if (bus != null) {
            return bus;
        }
        Part<String> created = create("EventBridge CreateEventBus", "bus " + name,
                () -> events.createEventBus(r -> r.name(name)).eventBusArn(),
                arn -> events.deleteEventBus(r -> r.name(name)));
        if (created instanceof Part.Missing<String> missing) {
            bus = new Part.Missing<>(missing.why());
            return bus;
        }
        Map<String, TestQueue> queueByRule = new LinkedHashMap<>();
        for (TemplateFunction function : model().functions()) {
            for (Map.Entry<String, String> rule : function.eventPatterns().entrySet()) {
                if (!name.equals(ruleBus(function.logicalId(), rule.getKey()))) {
                    continue;
                }
                TestQueue queue = queue(rule.getKey()).require();
                String ruleName = name + "-" + rule.getKey();
                String ruleArn = events.putRule(r -> r.name(ruleName).eventBusName(name)
                        .eventPattern(rule.getValue()).state(RuleState.ENABLED)).ruleArn();
                cleanups.push(new Cleanup("rule " + ruleName, () -> {
                    events.removeTargets(r -> r.rule(ruleName).eventBusName(name).ids("queue"));
                    events.deleteRule(r -> r.name(ruleName).eventBusName(name));
                }));
                allowEventBridge(queue, ruleArn);
                Target target = Target.builder().id("queue").arn(queue.arn()).build();
                int failed = events.putTargets(r -> r.rule(ruleName).eventBusName(name).targets(target))
                        .failedEntryCount();
                if (failed != 0) {
                    throw new IllegalStateException("the emulator refused the queue target of rule " + ruleName);
                }
                queueByRule.put(rule.getKey(), queue);
            }
        }
        bus = new Part.Available<>(new Bus(name, Map.copyOf(queueByRule)));
        return bus;
    }

    // --- the functions, wired as on Lambda ------------------------------------------------------

    /**
     * The composition root the function builds on Lambda, from its template environment: parameter
     * defaults, this run's resource names, and for what only a deployment resolves (the scheduler
     * role, the dispatch function's ARN, the schedule dead-letter queue) a role ARN and queues.
     */
    synchronized AwsWiring wiring(Class<?> handler) {
        TemplateFunction function = function(handler);
        AwsWiring wiring = wirings.get(function.logicalId());
        if (wiring == null) {
            table().require();
            secret().require();
            Map<String, String> deployOnly = Map.of(
                    "SCHEDULER_ROLE_ARN", SCHEDULER_ROLE_ARN,
                    "DISPATCH_TARGET_ARN", queue("dispatch").require().arn(),
                    "SCHEDULE_DLQ_ARN", queue("schedule-dlq").require().arn());
            AftercartConfig config = AftercartConfig.from(Env.of(environment(function, deployOnly)));
            wiring = AwsWiring.create(config, emulator.clients());
            wirings.put(function.logicalId(), wiring);
        }
        return wiring;
    }

    /** The order-events function's handler, as Lambda builds it but wired against this stack. */
    OrderEventsHandler orderEventsHandler() {
        AwsWiring wiring = wiring(OrderEventsHandler.class);
        return new OrderEventsHandler(wiring.aftercart().intake(OrderEventsHandler.DETAIL_TYPES), wiring::prime);
    }

    /** The message-dispatch function's handler, wired against this stack. */
    MessageDispatchHandler dispatchHandler() {
        AwsWiring wiring = wiring(MessageDispatchHandler.class);
        return new MessageDispatchHandler(wiring.aftercart().dispatcher(), wiring::prime);
    }

    /** The message ledger on this stack's table, through the real adapter. */
    DynamoDbMessageLedger ledger() {
        return new DynamoDbMessageLedger(dynamoDb, table().require(), new CapacityMeter());
    }

    /** Invokes a handler the way Lambda does, with the payload as its input stream; returns its output. */
    static String invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every item of a customer's partition ({@code C#<customerId>}), by sort key. */
    Map<String, Map<String, AttributeValue>> customerItems(String customerId) {
        return dynamoDb.queryPaginator(r -> r.tableName(table().require()).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("C#" + customerId))))
                .items().stream()
                .collect(Collectors.toMap(item -> item.get("sk").s(), item -> item, (a, b) -> a, LinkedHashMap::new));
    }

    // --- template -------------------------------------------------------------------------------

    /** Parameters as this run deploys them, and the physical names of the resources the template Refs. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>(TEMPLATE.parameterDefaults());
        values.put("SenderEmail", senderEmail);
        values.put("SenderIdentity", senderDomain);
        values.put("EventBusName", name);
        values.put("PreferencesUrl", PREFERENCES_URL);
        values.put("Table", name);
        values.put("ConfigurationSet", name);
        values.put("ScheduleGroup", name);
        values.put("EventBus", name);
        if (secret instanceof Part.Available<String> available) {
            values.put("LinkSigningSecret", available.value());
        }
        return values;
    }

    TemplateModel model() {
        return new TemplateModel(TEMPLATE, values());
    }

    TemplateFunction function(Class<?> handler) {
        return model().functions().stream()
                .filter(f -> f.handlerClass().equals(handler.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no function with handler " + handler));
    }

    /** The function's variables as the template sets them for this run; what only a deployment resolves comes from {@code deployOnly}. */
    Map<String, String> environment(TemplateFunction function, Map<String, String> deployOnly) {
        Map<String, String> values = values();
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((variable, value) -> {
            Object resolved = TEMPLATE.resolve(value, values);
            if (resolved instanceof String || resolved instanceof Number) {
                env.put(variable, String.valueOf(resolved));
            } else if (deployOnly.containsKey(variable)) {
                env.put(variable, deployOnly.get(variable));
            } else {
                throw new IllegalStateException(function.logicalId() + "'s " + variable + " resolves only in a deployment ("
                        + Json.write(resolved) + "); give the emulator stack a value for it");
            }
        });
        return env;
    }

    /** The bus a rule of the template is on, for this run. */
    @SuppressWarnings("unchecked")
    private String ruleBus(String functionId, String rule) {
        Map<String, Object> event = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.properties(functionId)
                .get("Events")).get(rule);
        Object bus = ((Map<String, Object>) event.get("Properties")).get("EventBusName");
        return bus == null ? "default" : String.valueOf(TEMPLATE.resolve(bus, values()));
    }

    // --- lifecycle ------------------------------------------------------------------------------

    /** Creates through {@code api}, remembering how to delete what was created. */
    private <T> Part<T> create(String api, String what, Supplier<T> create, Consumer<T> delete) {
        Part<T> part = MissingApi.probe(api, emulator.description(), create);
        if (part instanceof Part.Available<T> available) {
            cleanups.push(new Cleanup(what, () -> delete.accept(available.value())));
        }
        return part;
    }

    private void allowEventBridge(TestQueue queue, String ruleArn) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "EventBridgeRule");
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", "events.amazonaws.com"));
        statement.put("Action", "sqs:SendMessage");
        statement.put("Resource", queue.arn());
        statement.put("Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", ruleArn)));
        String policy = Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
        sqs.setQueueAttributes(r -> r.queueUrl(queue.url()).attributes(Map.of(QueueAttributeName.POLICY, policy)));
    }

    /** Deletes what this run created, newest first; what cannot be deleted is reported, not thrown. */
    @Override
    public synchronized void close() {
        List<String> left = new ArrayList<>();
        while (!cleanups.isEmpty()) {
            Cleanup cleanup = cleanups.pop();
            try {
                cleanup.action().run();
            } catch (RuntimeException e) {
                left.add(cleanup.what() + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (!left.isEmpty()) {
            System.out.println("Emulator ITs: could not delete " + String.join(", ", left) + " on " + emulator.description());
        }
    }

    private static String randomKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    private static SamTemplate read() {
        try {
            return SamTemplate.parse(Files.readString(ROOT.resolve("template.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
