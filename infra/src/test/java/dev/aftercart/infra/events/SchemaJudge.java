package dev.aftercart.infra.events;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The published JSON Schemas' verdict. Schemas are addressed by their {@code $id} and loaded from
 * {@code infra/events/schemas/}, so their relative {@code $ref}s resolve exactly as a store's
 * validator would resolve them. {@code format} is asserted, not just annotated, and patterns run
 * with ECMA-262 semantics ({@link EcmaPatterns}).
 */
final class SchemaJudge {

    static final String BASE_ID = "https://aftercart.dev/schemas/events/";
    static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE_ID,
                    ContractFiles.schemas().toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .regularExpressionFactory(new EcmaPatterns())
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaJudge() {
    }

    /** Validates against the schema of {@code detailType}, e.g. order-placed.schema.json for Order Placed. */
    static Verdict judge(String json, String detailType) {
        return judge(schema(ContractFiles.schemaFileFor(detailType)), json);
    }

    /** Validates a schema file itself against the draft 2020-12 meta-schema. */
    static Verdict judgeSchemaFile(String json) {
        return judge(schemaAt(META_SCHEMA), json);
    }

    static boolean hasSchemaFor(String detailType) {
        return ContractFiles.schemas().resolve(ContractFiles.schemaFileFor(detailType)).toFile().isFile();
    }

    private static JsonSchema schema(String fileName) {
        return schemaAt(BASE_ID + fileName);
    }

    private static JsonSchema schemaAt(String id) {
        return SCHEMAS.computeIfAbsent(id, location -> FACTORY.getSchema(SchemaLocation.of(location), CONFIG));
    }

    private static Verdict judge(JsonSchema schema, String json) {
        Set<ValidationMessage> messages = schema.validate(json, InputFormat.JSON);
        if (messages.isEmpty()) {
            return Verdict.accept();
        }
        Set<String> fields = new LinkedHashSet<>();
        messages.forEach(m -> fields.add(field(m)));
        return Verdict.reject(fields, messages.stream().map(ValidationMessage::getMessage)
                .collect(Collectors.joining("; ")));
    }

    /**
     * The message's field in the parser's spelling: {@code $['detail-type']} becomes
     * {@code detail-type}; a missing required member is named itself, not its parent object.
     */
    static String field(ValidationMessage message) {
        String path = message.getInstanceLocation().toString()
                .replaceAll("\\['([^']*)']", ".$1")
                .replaceFirst("^\\$\\.?", "");
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            return path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
        }
        return path;
    }
}
