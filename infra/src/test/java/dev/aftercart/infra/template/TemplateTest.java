package dev.aftercart.infra.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.aftercart.aws.dynamodb.SingleTable;
import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.aws.wiring.Env;
import dev.aftercart.core.json.Json;
import dev.aftercart.functions.customers.CustomerEventsHandler;
import dev.aftercart.functions.dispatch.MessageDispatchHandler;
import dev.aftercart.functions.feedback.OperationsHandler;
import dev.aftercart.functions.feedback.SesFeedbackHandler;
import dev.aftercart.functions.feedback.SmsInboundHandler;
import dev.aftercart.functions.orders.OrderEventsHandler;
import dev.aftercart.functions.preferences.PreferencesHandler;
import dev.aftercart.functions.shipments.ShipmentEventsHandler;
import dev.aftercart.local.EventRouter;
import dev.aftercart.local.SamTemplate;
import dev.aftercart.local.TemplateFunction;
import dev.aftercart.local.TemplateModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.crac.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps template.yaml honest without the SAM CLI: it parses the template, and checks handlers,
 * environment, routing, permissions and the operational wiring against the code that runs.
 */
class TemplateTest {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final SamTemplate TEMPLATE = read();
    static final TemplateModel MODEL = TemplateModel.withDefaults(TEMPLATE);

    /** What each handler accepts: a sample routed to a function its handler rejects is a routing bug. */
    static final Map<String, Set<String>> DETAIL_TYPES_BY_HANDLER = Map.of(
            OrderEventsHandler.class.getName(), OrderEventsHandler.DETAIL_TYPES,
            ShipmentEventsHandler.class.getName(), ShipmentEventsHandler.DETAIL_TYPES,
            CustomerEventsHandler.class.getName(), CustomerEventsHandler.DETAIL_TYPES,
            MessageDispatchHandler.class.getName(), Set.of(),
            PreferencesHandler.class.getName(), Set.of(),
            SesFeedbackHandler.class.getName(), Set.of(),
            SmsInboundHandler.class.getName(), Set.of(),
            OperationsHandler.class.getName(), Set.of());

    /** What each handler's adapters call, which its role must be granted. */
    static final Map<String, List<String>> IAM_ACTIONS_BY_HANDLER = Map.of(
            OrderEventsHandler.class.getName(), AwsWiring.IAM_ACTIONS,
            ShipmentEventsHandler.class.getName(), AwsWiring.IAM_ACTIONS,
            CustomerEventsHandler.class.getName(), AwsWiring.IAM_ACTIONS,
            MessageDispatchHandler.class.getName(), AwsWiring.IAM_ACTIONS,
            PreferencesHandler.class.getName(), PreferencesHandler.IAM_ACTIONS,
            SesFeedbackHandler.class.getName(), SesFeedbackHandler.IAM_ACTIONS,
            SmsInboundHandler.class.getName(), SmsInboundHandler.IAM_ACTIONS,
            OperationsHandler.class.getName(), OperationsHandler.IAM_ACTIONS);

    /** Invoked synchronously (a Function URL, an operator): no async retries, so no failure destination. */
    static final Set<String> SYNCHRONOUS = Set.of(PreferencesHandler.class.getName(), OperationsHandler.class.getName());

    /** Actions with no resource ARN to narrow them to. */
    static final Set<String> RESOURCELESS = Set.of("sns:Publish", "sns:CheckIfPhoneNumberIsOptedOut",
            "sns:OptInPhoneNumber");

    /** Variables Lambda itself sets; the template must not. */
    static final Set<String> LAMBDA_PROVIDED = Set.of("AWS_REGION", "AWS_ENDPOINT_URL");

    private static SamTemplate read() {
        try {
            return SamTemplate.parse(Files.readString(ROOT.resolve("template.yaml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void template_declaresOneFunctionPerKnownHandler() {
        assertThat(MODEL.functions()).extracting(TemplateFunction::handlerClass)
                .containsExactlyInAnyOrderElementsOf(DETAIL_TYPES_BY_HANDLER.keySet());
    }

    @TestFactory
    Stream<DynamicTest> handler_existsInItsArtifact_asAStreamHandlerWithSnapStartHook() {
        return MODEL.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            assertThat(function.handler()).endsWith("::handleRequest");
            Class<?> handler = Class.forName(function.handlerClass());
            assertThat(RequestStreamHandler.class).isAssignableFrom(handler);
            assertThat(Resource.class).isAssignableFrom(handler);
            assertThat(handler.getConstructor()).as("Lambda needs a public no-arg constructor").isNotNull();

            Path zip = ROOT.resolve(function.codeUri());
            assertThat(zip).as("run mvn package first: %s", function.codeUri()).exists();
            assertThat(classesInZip(zip)).contains(function.handlerClass().replace('.', '/') + ".class");
        }));
    }

    @TestFactory
    Stream<DynamicTest> artifact_shipsOnlyWhatTheFunctionNeeds() {
        List<String> forbidden = List.of("DynamoDBLocal", "event-ruler", "snakeyaml", "picocli", "jackson-databind",
                "netty-nio-client", "apache-client", "junit", "aftercart-local");
        return MODEL.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            try (ZipFile zip = new ZipFile(ROOT.resolve(function.codeUri()).toFile())) {
                List<String> jars = zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".jar")).toList();
                assertThat(jars).allSatisfy(jar -> assertThat(jar).startsWith("lib/"));
                for (String name : forbidden) {
                    assertThat(jars).noneMatch(jar -> jar.contains(name));
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyVariableTheCodeReads_isSetByTheTemplate_andNoneIsUnused() {
        return MODEL.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Map<String, String> environment = environment(function);
            Map<String, String> withLambda = new HashMap<>(environment);
            withLambda.put("AWS_REGION", "us-east-1");
            Env env = Env.of(withLambda);

            AwsWiring.fromEnvironment(env);

            Set<String> read = env.namesRead();
            Set<String> unset = new LinkedHashSet<>(read);
            unset.removeAll(environment.keySet());
            unset.removeAll(LAMBDA_PROVIDED);
            assertThat(unset).as("variables the code reads that the template does not set").isEmpty();
            Set<String> unused = new LinkedHashSet<>(environment.keySet());
            unused.removeAll(read);
            unused.remove("JAVA_TOOL_OPTIONS");
            assertThat(unused).as("variables the template sets that no code reads").isEmpty();
            assertThat(environment.keySet()).doesNotContainAnyElementsOf(LAMBDA_PROVIDED);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySampleEvent_routesToExactlyTheFunctionThatHandlesIt() throws IOException {
        EventRouter router = new EventRouter(MODEL.functions());
        List<Path> samples;
        try (Stream<Path> files = Files.list(ROOT.resolve("infra/events/samples"))) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).isNotEmpty();
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            String json = Files.readString(sample);
            String detailType = (String) Json.parseObject(json).get("detail-type");
            List<String> expected = MODEL.functions().stream()
                    .filter(f -> DETAIL_TYPES_BY_HANDLER.get(f.handlerClass()).contains(detailType))
                    .map(TemplateFunction::logicalId)
                    .toList();
            assertThat(expected).as("a handler that accepts %s", detailType).hasSize(1);
            assertThat(router.route(json)).isEqualTo(expected);
        }));
    }

    @Test
    void eventFromAnotherSource_routesNowhere() throws IOException {
        EventRouter router = new EventRouter(MODEL.functions());
        String json = Files.readString(ROOT.resolve("infra/events/samples/order-placed.en-US.json"))
                .replace("\"shop.orders\"", "\"someone.else\"");
        assertThat(router.route(json)).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> policies_grantEveryActionTheAdaptersCall() {
        return MODEL.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Set<String> allowed = new LinkedHashSet<>();
            for (Map<String, Object> statement : statements(function.logicalId())) {
                if ("Allow".equals(statement.get("Effect"))) {
                    allowed.addAll(strings(statement.get("Action")));
                }
            }
            assertThat(allowed).containsAll(IAM_ACTIONS_BY_HANDLER.get(function.handlerClass()));
            assertThat(allowed).noneMatch(action -> action.contains("*"));
        }));
    }

    @Test
    void policies_scopeEachPermissionToThisStack() {
        Map<String, Map<String, Object>> byAction = new LinkedHashMap<>();
        for (Map<String, Object> statement : statements("OrderEventsFunction")) {
            if ("Allow".equals(statement.get("Effect"))) {
                strings(statement.get("Action")).forEach(action -> byAction.put(action, statement));
            }
        }
        assertThat(Json.write(byAction.get("scheduler:CreateSchedule").get("Resource")))
                .contains("schedule/${ScheduleGroup}/*");
        assertThat(byAction.get("iam:PassRole").get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of("SchedulerRole", "Arn")));
        assertThat(Json.write(byAction.get("iam:PassRole").get("Condition"))).contains("scheduler.amazonaws.com");
        assertThat(Json.write(byAction.get("ses:SendEmail").get("Resource"))).contains("identity/${SenderIdentity}")
                .contains("configuration-set/");
        assertThat(Json.write(byAction.get("ses:SendEmail").get("Condition"))).contains("ses:FromAddress");
        assertThat(Json.write(byAction.get("dynamodb:Query").get("Resource"))).contains("Table").contains("index/byOrder")
                .contains("index/byCategory");
        assertThat(Json.write(byAction.get("events:PutEvents").get("Resource"))).contains("event-bus/default")
                .contains("EventBus");
        assertThat(Json.write(byAction.get("events:PutEvents").get("Condition"))).contains("\"events:source\":\"aftercart\"");
        assertThat(byAction.get("secretsmanager:GetSecretValue").get("Resource")).isEqualTo(Map.of("Ref", "LinkSigningSecret"));
        for (TemplateFunction function : MODEL.functions()) {
            for (Map<String, Object> statement : statements(function.logicalId())) {
                for (String action : strings(statement.get("Action"))) {
                    if (!RESOURCELESS.contains(action)) {
                        assertThat(statement.get("Resource")).as(function.logicalId() + " " + action).isNotEqualTo("*");
                    }
                }
            }
        }
    }

    @Test
    void onlyTheFunctionsThatHandleLinks_mayReadTheSigningKey_andOnlyOperationsMayBatchDelete() {
        for (TemplateFunction function : MODEL.functions()) {
            Set<String> allowed = new LinkedHashSet<>();
            statements(function.logicalId()).forEach(statement -> allowed.addAll(strings(statement.get("Action"))));
            boolean handlesLinks = IAM_ACTIONS_BY_HANDLER.get(function.handlerClass()).contains("secretsmanager:GetSecretValue");
            assertThat(allowed.contains("secretsmanager:GetSecretValue")).as(function.logicalId()).isEqualTo(handlesLinks);
        }
        assertThat(strings(statements("SesFeedbackFunction").stream().flatMap(s -> strings(s.get("Action")).stream())
                .toList())).doesNotContain("dynamodb:BatchWriteItem", "scheduler:DeleteSchedule", "ses:SendEmail");
    }

    @Test
    void preferences_isAPublicFunctionUrl_thatEveryOtherFunctionLinksTo() {
        Map<String, Object> props = TEMPLATE.properties("PreferencesFunction");
        assertThat(props.get("FunctionUrlConfig")).isEqualTo(Map.of("AuthType", "NONE"));
        Map<String, Object> invoke = TEMPLATE.properties("PreferencesFunctionUrlInvoke");
        assertThat(invoke).containsEntry("Action", "lambda:InvokeFunction").containsEntry("Principal", "*")
                .containsEntry("InvokedViaFunctionUrl", true);
        for (TemplateFunction function : MODEL.functions()) {
            if (IAM_ACTIONS_BY_HANDLER.get(function.handlerClass()).contains("ses:SendEmail")) {
                assertThat(Json.write(function.environment().get("PREFERENCES_URL"))).as(function.logicalId())
                        .contains("PreferencesFunctionUrl").contains("FunctionUrl").contains("HasPreferencesUrl");
            }
        }
        assertThat(TEMPLATE.condition("HasPreferencesUrl", TEMPLATE.parameterDefaults())).isFalse();
    }

    @Test
    void ses_publishesFeedbackToTheDefaultBus_andTheFeedbackRuleTakesOnlyThisConfigurationSet() {
        Map<String, Object> destination = (Map<String, Object>) TEMPLATE.properties("ConfigurationSetFeedback")
                .get("EventDestination");
        assertThat(Json.write(destination.get("EventBridgeDestination"))).contains("event-bus/default");
        Map<String, String> defaults = TEMPLATE.parameterDefaults();
        assertThat(TEMPLATE.resolve(destination.get("MatchingEventTypes"), defaults))
                .isEqualTo(List.of("send", "delivery", "bounce", "complaint"));
        Map<String, String> tracking = new HashMap<>(defaults);
        tracking.put("TrackEngagement", "true");
        assertThat(TEMPLATE.resolve(destination.get("MatchingEventTypes"), tracking))
                .isEqualTo(List.of("send", "delivery", "bounce", "complaint", "open", "click"));
        TemplateFunction feedback = MODEL.functions().stream()
                .filter(f -> f.logicalId().equals("SesFeedbackFunction")).findFirst().orElseThrow();
        assertThat(feedback.eventPatterns().values()).singleElement().asString()
                .contains("\"source\":[\"aws.ses\"]")
                .contains("\"ses:configuration-set\":[\"ConfigurationSet\"]");
    }

    @TestFactory
    Stream<DynamicTest> everySesSample_routesToTheFeedbackFunctionOnly() throws IOException {
        EventRouter router = new EventRouter(MODEL.functions());
        List<Path> samples;
        try (Stream<Path> files = Files.list(ROOT.resolve("infra/events/ses"))) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            String json = Files.readString(sample);
            // The samples carry the configuration set a default deployment names after its logical id here.
            String routed = json.replaceAll("\"ses:configuration-set\"\\s*:\\s*\\[\\s*\"[^\"]*\"",
                    "\"ses:configuration-set\": [\"ConfigurationSet\"");
            assertThat(router.route(routed)).containsExactly("SesFeedbackFunction");
            assertThat(router.route(routed.replace("\"ses:configuration-set\": [\"ConfigurationSet\"",
                    "\"ses:configuration-set\": [\"another-stack-messages\""))).isEmpty();
        }));
    }

    @Test
    void table_matchesTheKeysTheAdaptersUse() {
        Map<String, Object> table = MODEL.tableProperties();
        String json = Json.write(table);
        assertThat(table.get("BillingMode")).isEqualTo(SingleTable.BILLING_MODE.toString());
        assertThat(json).contains("{\"AttributeName\":\"" + SingleTable.PARTITION_KEY + "\",\"KeyType\":\"HASH\"}")
                .contains("{\"AttributeName\":\"" + SingleTable.SORT_KEY + "\",\"KeyType\":\"RANGE\"}")
                .contains("\"IndexName\":\"" + SingleTable.ORDER_INDEX + "\"")
                .contains("{\"AttributeName\":\"" + SingleTable.ORDER_KEY + "\",\"KeyType\":\"HASH\"}")
                .contains("\"ProjectionType\":\"" + SingleTable.ORDER_INDEX_PROJECTION + "\"")
                .contains("\"IndexName\":\"" + SingleTable.CATEGORY_INDEX + "\"")
                .contains("{\"AttributeName\":\"" + SingleTable.CATEGORY_KEY + "\",\"KeyType\":\"HASH\"}")
                .contains("{\"AttributeName\":\"" + SingleTable.ORDER_COUNT + "\",\"KeyType\":\"RANGE\"}")
                .contains("\"IndexName\":\"" + SingleTable.PHONE_INDEX + "\"")
                .contains("{\"AttributeName\":\"" + SingleTable.PHONE_KEY + "\",\"KeyType\":\"HASH\"}");
        assertThat(table.get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", SingleTable.TIME_TO_LIVE, "Enabled", true));
        assertThat(table.get("PointInTimeRecoverySpecification"))
                .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
    }

    @TestFactory
    Stream<DynamicTest> everyFunction_hasLogRetention_aFailureQueueWithAlarm_andSnapStartOnArm64() {
        @SuppressWarnings("unchecked")
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.root().get("Globals")).get("Function");
        assertThat(globals).containsEntry("Runtime", "java21")
                .containsEntry("Architectures", List.of("arm64"))
                .containsEntry("AutoPublishAlias", "live")
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
        return MODEL.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Map<String, Object> props = TEMPLATE.properties(function.logicalId());
            String logGroup = ref(((Map<?, ?>) props.get("LoggingConfig")).get("LogGroup"));
            assertThat(TEMPLATE.resource(logGroup).get("Type")).isEqualTo("AWS::Logs::LogGroup");
            assertThat(TEMPLATE.properties(logGroup)).containsKey("RetentionInDays");
            if (SYNCHRONOUS.contains(function.handlerClass())) {
                assertThat(props).doesNotContainKey("Events");
                return;
            }

            Map<?, ?> onFailure = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) props.get("EventInvokeConfig"))
                    .get("DestinationConfig")).get("OnFailure");
            assertThat(onFailure.get("Type")).isEqualTo("SQS");
            String queue = getAtt(onFailure.get("Destination"));
            assertThat(TEMPLATE.resource(queue).get("Type")).isEqualTo("AWS::SQS::Queue");
            assertThat(alarmedQueues()).contains(queue);
        }));
    }

    @Test
    void schedules_invokeTheDispatchFunctionsLiveAlias_throughTheSchedulerRoleOnly() {
        TemplateFunction dispatch = MODEL.functions().stream()
                .filter(f -> f.handlerClass().equals(MessageDispatchHandler.class.getName()))
                .findFirst().orElseThrow();
        Map<String, Object> props = TEMPLATE.properties(dispatch.logicalId());
        String functionName = (String) ((Map<?, ?>) props.get("FunctionName")).get("Fn::Sub");
        String target = (String) ((Map<?, ?>) dispatch.environment().get("DISPATCH_TARGET_ARN")).get("Fn::Sub");
        assertThat(target).endsWith(":function:" + functionName + ":live");
        String roleGrant = Json.write(TEMPLATE.properties("SchedulerRole").get("Policies"));
        assertThat(roleGrant).contains("lambda:InvokeFunction").contains(functionName + ":live");
        assertThat(Json.write(TEMPLATE.properties("SchedulerRole").get("AssumeRolePolicyDocument")))
                .contains("scheduler.amazonaws.com").contains("aws:SourceAccount");
    }

    @Test
    void everyEventRule_hasARetryPolicyAndADeadLetterQueue() {
        int rules = 0;
        for (TemplateFunction function : MODEL.functions()) {
            Map<?, ?> events = (Map<?, ?>) TEMPLATE.properties(function.logicalId()).getOrDefault("Events", Map.of());
            for (Object value : events.values()) {
                if (!"EventBridgeRule".equals(((Map<?, ?>) value).get("Type"))) {
                    continue;
                }
                Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) value).get("Properties");
                assertThat(properties.get("RetryPolicy")).isNotNull();
                assertThat(alarmedQueues()).contains(getAtt(((Map<?, ?>) properties.get("DeadLetterConfig")).get("Arn")));
                rules++;
            }
        }
        assertThat(rules).isEqualTo(9);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Template variables of a function, parameters resolved; SenderEmail has no default, so a test value. */
    static Map<String, String> environment(TemplateFunction function) {
        Map<String, String> parameters = new LinkedHashMap<>(TEMPLATE.parameterDefaults());
        parameters.put("SenderEmail", "orders@shop.example");
        parameters.put("SenderIdentity", "shop.example");
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            Object resolved = SamTemplate.resolveParameters(value, parameters);
            // Intrinsics only a deployment resolves (!GetAtt, !Sub, !If) stand for a non-empty value.
            env.put(name, resolved instanceof String s ? s : "resolved-at-deploy:" + name);
        });
        return env;
    }

    /** Every IAM statement a function's role gets: inline policies and the managed policies it references. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(String functionId) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : (List<Object>) TEMPLATE.properties(functionId).get("Policies")) {
            Map<String, Object> document = (Map<String, Object>) policy;
            if (document.containsKey("Ref")) {
                String managed = (String) document.get("Ref");
                assertThat(TEMPLATE.resource(managed).get("Type")).isEqualTo("AWS::IAM::ManagedPolicy");
                document = (Map<String, Object>) TEMPLATE.properties(managed).get("PolicyDocument");
            }
            statements.addAll((List<Map<String, Object>>) document.get("Statement"));
        }
        return statements;
    }

    static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    static String ref(Object value) {
        return (String) ((Map<?, ?>) value).get("Ref");
    }

    static String getAtt(Object value) {
        return (String) ((List<?>) ((Map<?, ?>) value).get("Fn::GetAtt")).get(0);
    }

    /** Queues some CloudWatch alarm watches. */
    static Set<String> alarmedQueues() {
        Set<String> queues = new LinkedHashSet<>();
        for (String alarm : TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm")) {
            Object dimensions = TEMPLATE.properties(alarm).get("Dimensions");
            if (dimensions instanceof List<?> list) {
                for (Object dimension : list) {
                    Object value = ((Map<?, ?>) dimension).get("Value");
                    if (value instanceof Map<?, ?> map && map.get("Fn::GetAtt") != null) {
                        queues.add(getAtt(map));
                    }
                }
            }
        }
        return queues;
    }

    /** Class files in the zip's jars under lib/. */
    static Set<String> classesInZip(Path zip) throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                if (entry.getName().endsWith(".class")) {
                    classes.add(entry.getName());
                } else if (entry.getName().endsWith(".jar")) {
                    try (InputStream in = file.getInputStream(entry); ZipInputStream jar = new ZipInputStream(in)) {
                        for (ZipEntry inner; (inner = jar.getNextEntry()) != null; ) {
                            classes.add(inner.getName());
                        }
                    }
                }
            }
        }
        return classes;
    }
}
