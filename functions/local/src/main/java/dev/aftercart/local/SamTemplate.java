package dev.aftercart.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code template.yaml} as data: CloudFormation's short-form intrinsics ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...) become their long forms ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}).
 * The local runner takes the table, the functions and their event patterns from here, so it runs
 * what would be deployed.
 */
public final class SamTemplate {

    public static final String RESOURCE = "aftercart/template.yaml";

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    public static SamTemplate parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        Yaml parser = new Yaml(new IntrinsicConstructor(options));
        return new SamTemplate((Map<String, Object>) parser.load(yaml));
    }

    public static SamTemplate fromClasspath() {
        try (InputStream in = SamTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the runner's classpath");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> root() {
        return root;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> resources() {
        return (Map<String, Object>) root.getOrDefault("Resources", Map.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("template has no resource " + logicalId);
        }
        return (Map<String, Object>) resource;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) resource(logicalId).getOrDefault("Properties", Map.of());
    }

    /** Logical ids of every resource of this type, in template order. */
    @SuppressWarnings("unchecked")
    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, value) -> {
            if (type.equals(((Map<String, Object>) value).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Parameter defaults: what a deployment that overrides nothing uses. */
    @SuppressWarnings("unchecked")
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, Object> parameters = (Map<String, Object>) root.getOrDefault("Parameters", Map.of());
        parameters.forEach((name, value) -> {
            Object fallback = ((Map<String, Object>) value).get("Default");
            if (fallback != null) {
                defaults.put(name, String.valueOf(fallback));
            }
        });
        return defaults;
    }

    /**
     * Like {@link #resolveParameters}, and also picks the branch of each {@code Fn::If} by the
     * template's {@code Conditions} ({@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And},
     * {@code Fn::Or}, {@code Condition}), with {@code values} for parameters and, where the caller
     * knows them, resources' physical names.
     */
    @SuppressWarnings("unchecked")
    public Object resolve(Object fragment, Map<String, String> values) {
        if (fragment instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("Ref") instanceof String name && values.containsKey(name)) {
                return values.get(name);
            }
            if (map.size() == 1 && map.get("Ref") instanceof String name && resources().containsKey(name)) {
                // A resource's physical name is only known once deployed; its logical id stands in.
                return name;
            }
            if (map.size() == 1 && map.get("Fn::If") instanceof List<?> branches && branches.size() == 3) {
                return resolve(condition((String) branches.get(0), values) ? branches.get(1) : branches.get(2), values);
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> resolved.put(k, resolve(v, values)));
            return resolved;
        }
        if (fragment instanceof List<?> list) {
            return list.stream().map(item -> resolve(item, values)).toList();
        }
        return fragment;
    }

    /** Evaluates one of the template's conditions with these parameter values. */
    @SuppressWarnings("unchecked")
    public boolean condition(String name, Map<String, String> values) {
        Map<String, Object> conditions = (Map<String, Object>) root.getOrDefault("Conditions", Map.of());
        Object definition = conditions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("template has no condition " + name);
        }
        return evaluate(definition, values);
    }

    @SuppressWarnings("unchecked")
    private boolean evaluate(Object expression, Map<String, String> values) {
        Map<String, Object> map = (Map<String, Object>) expression;
        if (map.get("Condition") instanceof String other) {
            return condition(other, values);
        }
        if (map.get("Fn::Equals") instanceof List<?> pair) {
            return String.valueOf(resolve(pair.get(0), values)).equals(String.valueOf(resolve(pair.get(1), values)));
        }
        if (map.get("Fn::Not") instanceof List<?> one) {
            return !evaluate(one.get(0), values);
        }
        if (map.get("Fn::And") instanceof List<?> all) {
            return all.stream().allMatch(item -> evaluate(item, values));
        }
        if (map.get("Fn::Or") instanceof List<?> any) {
            return any.stream().anyMatch(item -> evaluate(item, values));
        }
        throw new IllegalArgumentException("unsupported condition expression " + map.keySet());
    }

    /**
     * Replaces {@code {"Ref": parameter}} with the parameter's value throughout a fragment;
     * other intrinsics are left as they are.
     */
    @SuppressWarnings("unchecked")
    public static Object resolveParameters(Object fragment, Map<String, String> parameters) {
        if (fragment instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("Ref") instanceof String name && parameters.containsKey(name)) {
                return parameters.get(name);
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> resolved.put(k, resolveParameters(v, parameters)));
            return resolved;
        }
        if (fragment instanceof List<?> list) {
            return list.stream().map(item -> resolveParameters(item, parameters)).toList();
        }
        return fragment;
    }

    /** Turns {@code !Ref X} into {@code {"Ref": "X"}} and {@code !Fn X} into {@code {"Fn::Fn": X}}. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            this.yamlMultiConstructors.put("!", new Intrinsic());
        }

        private final class Intrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String function = node.getTag().getValue().substring(1);
                String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = function.equals("GetAtt") ? List.of(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
