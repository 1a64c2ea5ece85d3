package dev.aftercart.infra.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.event.ReturnStatus;
import dev.aftercart.core.event.ShipmentStatus;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.event.SubscriptionStatus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in sample events against both halves of the contract: the published JSON Schemas
 * and the parser every event Lambda runs. Deeper agreement checks, field by field, are in
 * {@link SchemaParserAgreementTest}; the simulation input is checked in {@link SimulationInputTest}.
 */
class EventContractTest {

    static Stream<String> samples() {
        return ContractFiles.samples().stream().map(p -> p.getFileName().toString());
    }

    static Stream<String> schemaFiles() {
        return ContractFiles.schemaFiles().stream().map(p -> p.getFileName().toString());
    }

    /*
     * Backward compatibility: the samples under infra/events/samples/ are v1 events as stores
     * publish them today. They are never edited to fit a new parser; a change that stops one of
     * them from validating or parsing breaks every store still sending it. Add a new sample for a
     * new field instead.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sample_isValidAndParses(String fileName) {
        String json = ContractFiles.read(sample(fileName));
        String detailType = EventJson.detailType(EventJson.parse(json));

        Verdict schema = SchemaJudge.judge(json, detailType);
        ShopEvent event = ParserJudge.parse(json);

        assertThat(schema.accepted()).as("schema: %s", schema).isTrue();
        assertThat(event.detailType()).isEqualTo(detailType);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleFileName_startsWithItsSchemaName(String fileName) {
        String detailType = EventJson.detailType(EventJson.parse(ContractFiles.read(sample(fileName))));

        String schemaName = ContractFiles.schemaFileFor(detailType).replace(ContractFiles.SCHEMA_SUFFIX, "");

        assertThat(fileName).matches(schemaName + "(\\.[A-Za-z0-9-]+)?\\.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void schemaFile_isAValidDraft202012Schema(String fileName) {
        Verdict verdict = SchemaJudge.judgeSchemaFile(ContractFiles.read(ContractFiles.schemas().resolve(fileName)));

        assertThat(verdict.accepted()).as("meta-schema: %s", verdict).isTrue();
    }

    @Test
    void everyDetailTypeTheParserKnows_hasASchemaAndASample() {
        Set<String> parsed = parsedDetailTypes();
        Set<String> sampled = samples()
                .map(name -> EventJson.detailType(EventJson.parse(ContractFiles.read(sample(name)))))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(parsed).isNotEmpty().allSatisfy(type -> assertThat(SchemaJudge.hasSchemaFor(type))
                .as("%s has %s", type, ContractFiles.schemaFileFor(type)).isTrue());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(parsed);
    }

    @Test
    void everyEventSchema_isForADetailTypeTheParserKnows() {
        Set<String> parsed = parsedDetailTypes();

        Set<String> described = ContractFiles.schemaFiles().stream()
                .map(file -> EventJson.parse(ContractFiles.read(file)))
                .map(EventContractTest::pinnedDetailType)
                .filter(type -> type != null)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(described).containsExactlyInAnyOrderElementsOf(parsed);
    }

    /**
     * Each {@code enum} in the schemas, by schema file and field, and the parser's list of the same
     * values. The generated cases try every value a schema lists, but only this check notices a
     * value the parser accepts and the schema forgot.
     */
    private static final Map<String, List<String>> ENUMS = Map.of(
            "shipment-updated.schema.json: detail.status", ShipmentStatus.IDS,
            "return-updated.schema.json: detail.status", ReturnStatus.IDS,
            "subscription-updated.schema.json: detail.status", SubscriptionStatus.IDS);

    @Test
    void everySchemaEnum_listsTheParsersValuesInContractOrder() {
        Map<String, List<Object>> found = new TreeMap<>();
        ContractFiles.schemaFiles().forEach(file ->
                enums(EventJson.parse(ContractFiles.read(file)), file.getFileName() + ": ", "", found));

        assertThat(found.keySet()).as("enums in the schemas").containsExactlyInAnyOrderElementsOf(ENUMS.keySet());
        ENUMS.forEach((field, values) -> assertThat(found.get(field)).as(field).containsExactlyElementsOf(values));
    }

    /** Collects each {@code enum} under {@code schema}, named by the field path it constrains. */
    @SuppressWarnings("unchecked")
    private static void enums(Object schema, String file, String path, Map<String, List<Object>> found) {
        if (!(schema instanceof Map<?, ?> map)) {
            return;
        }
        map.forEach((keyword, value) -> {
            switch ((String) keyword) {
                case "enum" -> found.put(file + path, (List<Object>) value);
                case "properties" -> ((Map<String, Object>) value).forEach((name, child) ->
                        enums(child, file, path.isEmpty() ? name : path + "." + name, found));
                case "items" -> enums(value, file, path + "[]", found);
                default -> enums(value, file, path, found);
            }
        });
    }

    /** The detail-types of every ShopEvent record, read from their DETAIL_TYPE constants. */
    static Set<String> parsedDetailTypes() {
        return Arrays.stream(ShopEvent.class.getPermittedSubclasses())
                .map(type -> {
                    try {
                        return (String) type.getField("DETAIL_TYPE").get(null);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(type + " has no DETAIL_TYPE", e);
                    }
                })
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static String pinnedDetailType(Map<String, Object> schema) {
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        Map<String, Object> detailType = (Map<String, Object>) properties.getOrDefault("detail-type", Map.of());
        return (String) detailType.get("const");
    }

    private static Path sample(String fileName) {
        return ContractFiles.events().resolve("samples").resolve(fileName);
    }
}
