package dev.aftercart.local;

import dev.aftercart.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the local runner (and the template tests) need from {@link SamTemplate}: functions and the table. */
public final class TemplateModel {

    private final SamTemplate template;
    private final Map<String, String> parameters;

    public TemplateModel(SamTemplate template, Map<String, String> parameters) {
        this.template = template;
        this.parameters = parameters;
    }

    public static TemplateModel withDefaults(SamTemplate template) {
        return new TemplateModel(template, template.parameterDefaults());
    }

    public SamTemplate template() {
        return template;
    }

    /** The values this model resolves {@code Ref}s with: parameters and, where known, resources' physical names. */
    public Map<String, String> parameters() {
        return parameters;
    }

    @SuppressWarnings("unchecked")
    public List<TemplateFunction> functions() {
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) template.root()
                .getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of());
        List<TemplateFunction> functions = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> props = template.properties(id);
            Map<String, Object> environment = new LinkedHashMap<>(variables(globals));
            environment.putAll(variables(props));
            Map<String, String> patterns = new LinkedHashMap<>();
            Map<String, Object> events = (Map<String, Object>) props.getOrDefault("Events", Map.of());
            events.forEach((name, value) -> {
                Map<String, Object> event = (Map<String, Object>) value;
                if ("EventBridgeRule".equals(event.get("Type"))) {
                    Object pattern = ((Map<String, Object>) event.get("Properties")).get("Pattern");
                    patterns.put(name, Json.write(template.resolve(pattern, parameters)));
                }
            });
            functions.add(new TemplateFunction(id, (String) props.get("Handler"), (String) props.get("CodeUri"),
                    environment, patterns));
        }
        return functions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        Map<String, Object> environment = (Map<String, Object>) functionProperties.getOrDefault("Environment", Map.of());
        return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
    }

    /** The single DynamoDB table's properties (key schema, indexes, TTL). */
    public Map<String, Object> tableProperties() {
        List<String> tables = template.resourcesOfType("AWS::DynamoDB::Table");
        if (tables.size() != 1) {
            throw new IllegalStateException("expected exactly one AWS::DynamoDB::Table, found " + tables);
        }
        return template.properties(tables.get(0));
    }
}
