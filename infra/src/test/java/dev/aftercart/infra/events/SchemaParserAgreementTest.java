package dev.aftercart.infra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The schemas and the parser cannot drift apart. Every case is derived from the schemas
 * themselves (see {@link SchemaModel}) applied to each sample: what the schema requires, both
 * require, naming the same field; what it leaves optional, both leave optional; what its types,
 * patterns, formats and bounds refuse, both refuse, and what they allow, both allow (see
 * {@link ValueCases}); near the parser's limits both answer alike; what it does not mention, both
 * ignore. Each case edits one field of a copy of one sample.
 */
class SchemaParserAgreementTest {

    private static final String COMMON = "common.schema.json";
    private static final String UNKNOWN = "x-unknown-field";

    private final SchemaModel model = new SchemaModel();

    @Test
    void everyCommonDefinition_hasWrongAndValidValues() {
        Set<String> definitions = model.definitions(COMMON);

        assertThat(ValueCases.WRONG_BY_DEFINITION.keySet()).containsExactlyInAnyOrderElementsOf(definitions);
        assertThat(ValueCases.VALID_BY_DEFINITION.keySet()).containsExactlyInAnyOrderElementsOf(definitions);
    }

    @TestFactory
    Stream<DynamicContainer> removingRequiredField_isRejectedByBoth() {
        return perSample(field -> field.required() && field.present(), (sample, field) -> Stream.of(
                rejected(sample, field.path(), field.path() + " removed", event -> field.path().remove(event))));
    }

    @TestFactory
    Stream<DynamicContainer> nullingRequiredField_isRejectedByBoth() {
        return perSample(field -> field.required() && field.present(), (sample, field) -> Stream.of(
                rejected(sample, field.path(), field.path() + " = null", event -> field.path().set(event, null))));
    }

    @TestFactory
    Stream<DynamicContainer> removingOptionalField_keepsBothAccepting() {
        return perSample(field -> !field.required() && !field.arrayElement() && field.present(), (sample, field) ->
                Stream.of(accepted(sample, field.path() + " removed", event -> field.path().remove(event))));
    }

    @TestFactory
    Stream<DynamicContainer> nullingOptionalField_keepsBothAccepting() {
        return perSample(field -> !field.required() && !field.arrayElement() && field.present(), (sample, field) ->
                Stream.of(accepted(sample, field.path() + " = null", event -> field.path().set(event, null))));
    }

    @TestFactory
    Stream<DynamicContainer> wrongValue_isRejectedByBoth() {
        return perSample(field -> field.value() != null, (sample, field) -> ValueCases.wrong(field).stream()
                .map(wrong -> rejected(sample, field.path(), describe(field, wrong),
                        event -> field.path().set(event, EventJson.copy(wrong)))));
    }

    @TestFactory
    Stream<DynamicContainer> validValue_isAcceptedByBoth() {
        return perSample(field -> field.value() != null, (sample, field) -> ValueCases.valid(field).stream()
                .map(valid -> accepted(sample, describe(field, valid),
                        event -> field.path().set(event, EventJson.copy(valid)))));
    }

    /** Near the parser's limits either answer may be right, as long as both give it. */
    @TestFactory
    Stream<DynamicContainer> edgeValue_isJudgedAlikeByBoth() {
        return perSample(field -> field.value() != null, (sample, field) -> ValueCases.edges(field).stream()
                .map(edge -> judgedAlike(sample, field.path(), describe(field, edge),
                        event -> field.path().set(event, EventJson.copy(edge)))));
    }

    @TestFactory
    Stream<DynamicContainer> unknownField_isAcceptedByBoth() {
        Map<String, Object> unknownValue = Map.of("added", "by a newer publisher", "count", BigDecimal.ONE);
        return samples().map(sample -> {
            List<FieldPath> objects = new ArrayList<>();
            objects.add(FieldPath.ROOT);
            sample.reading().fields().stream()
                    .filter(field -> field.value() instanceof Map<?, ?>)
                    .forEach(field -> objects.add(field.path()));
            return dynamicContainer(sample.name(), objects.stream()
                    .map(object -> object.child(UNKNOWN))
                    .map(unknown -> accepted(sample, unknown + " added",
                            event -> unknown.set(event, EventJson.copy(unknownValue)))));
        });
    }

    /** Otherwise the cases above would never exercise a field that no sample carries. */
    @Test
    void everySchemaField_appearsInSomeSample() {
        Map<String, Set<String>> described = new LinkedHashMap<>();
        Map<String, Set<String>> carried = new LinkedHashMap<>();
        samples().forEach(sample -> sample.reading().fields().forEach(field -> {
            described.computeIfAbsent(sample.detailType(), t -> new TreeSet<>()).add(field.pattern());
            if (field.value() != null) {
                carried.computeIfAbsent(sample.detailType(), t -> new TreeSet<>()).add(field.pattern());
            }
        }));

        described.forEach((detailType, fields) -> assertThat(carried.get(detailType))
                .as("fields of %s that no sample carries", detailType)
                .containsAll(fields));
    }

    /** Otherwise a field the parser requires could be missing from the schema, and so from every case above. */
    @Test
    void everySampleField_isDescribedByItsSchema() {
        List<String> undescribed = samples()
                .flatMap(sample -> sample.reading().undescribed().stream().map(path -> sample.name() + ": " + path))
                .toList();

        assertThat(undescribed).isEmpty();
    }

    /**
     * {@code detailType} picks the schema: the sample's, even when the case breaks detail-type itself.
     * {@code change} says what the case did, for the failure message.
     */
    private static void assertRejectedByBoth(Map<String, Object> event, String detailType, FieldPath field,
            String change) {
        String json = EventJson.write(event);
        Verdict schema = SchemaJudge.judge(json, detailType);
        Verdict parser = ParserJudge.judge(json);

        assertThat(schema.accepted()).as("schema accepted %s", change).isFalse();
        assertThat(schema.fields()).as("schema rejected %s as: %s", change, schema).contains(field.toString());
        assertThat(parser.accepted()).as("parser accepted %s", change).isFalse();
        assertThat(parser.fields()).as("parser rejected %s as: %s", change, parser).contains(field.toString());
    }

    private static void assertJudgedAlike(Map<String, Object> event, String detailType, FieldPath field,
            String change) {
        String json = EventJson.write(event);
        Verdict schema = SchemaJudge.judge(json, detailType);
        Verdict parser = ParserJudge.judge(json);

        assertThat(parser.accepted()).as("%s: schema %s, parser %s", change, schema, parser)
                .isEqualTo(schema.accepted());
        if (!schema.accepted()) {
            assertThat(schema.fields()).as("schema rejected %s as: %s", change, schema).contains(field.toString());
            assertThat(parser.fields()).as("parser rejected %s as: %s", change, parser).contains(field.toString());
        }
    }

    private static void assertAcceptedByBoth(Map<String, Object> event, String detailType, String change) {
        String json = EventJson.write(event);
        Verdict schema = SchemaJudge.judge(json, detailType);
        Verdict parser = ParserJudge.judge(json);

        assertThat(schema.accepted()).as("schema rejected %s: %s", change, schema).isTrue();
        assertThat(parser.accepted()).as("parser rejected %s: %s", change, parser).isTrue();
    }

    /** A case that edits a copy of the sample and expects both sides to reject it, naming {@code field}. */
    private static DynamicTest rejected(Sample sample, FieldPath field, String change,
            Consumer<Map<String, Object>> edit) {
        return dynamicTest(change, () -> {
            Map<String, Object> event = EventJson.copy(sample.event());
            edit.accept(event);
            assertRejectedByBoth(event, sample.detailType(), field, sample.name() + ": " + change);
        });
    }

    /** A case that edits a copy of the sample and expects both sides to give the same answer. */
    private static DynamicTest judgedAlike(Sample sample, FieldPath field, String change,
            Consumer<Map<String, Object>> edit) {
        return dynamicTest(change, () -> {
            Map<String, Object> event = EventJson.copy(sample.event());
            edit.accept(event);
            assertJudgedAlike(event, sample.detailType(), field, sample.name() + ": " + change);
        });
    }

    /** A case that edits a copy of the sample and expects both sides to still accept it. */
    private static DynamicTest accepted(Sample sample, String change, Consumer<Map<String, Object>> edit) {
        return dynamicTest(change, () -> {
            Map<String, Object> event = EventJson.copy(sample.event());
            edit.accept(event);
            assertAcceptedByBoth(event, sample.detailType(), sample.name() + ": " + change);
        });
    }

    record Sample(String name, String detailType, Map<String, Object> event, SchemaModel.Reading reading) {
    }

    private Stream<Sample> samples() {
        return ContractFiles.samples().stream().map(this::sample);
    }

    private Sample sample(Path file) {
        Map<String, Object> event = EventJson.parse(ContractFiles.read(file));
        String detailType = EventJson.detailType(event);
        return new Sample(file.getFileName().toString(), detailType, event,
                model.read(ContractFiles.schemaFileFor(detailType), event));
    }

    private Stream<DynamicContainer> perSample(Predicate<SchemaModel.Field> applies,
            BiFunction<Sample, SchemaModel.Field, Stream<DynamicTest>> cases) {
        return samples().map(sample -> dynamicContainer(sample.name(), sample.reading().fields().stream()
                .filter(applies)
                .flatMap(field -> cases.apply(sample, field))));
    }

    private static String describe(SchemaModel.Field field, Object value) {
        return field.path() + " = " + shorten(EventJson.write(value));
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
