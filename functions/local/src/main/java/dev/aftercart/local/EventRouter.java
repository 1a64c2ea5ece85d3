package dev.aftercart.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.event.ruler.Machine;

/**
 * Routes an event to functions exactly as EventBridge would: with Event Ruler, AWS's own
 * matcher, over the rule patterns in template.yaml.
 */
public final class EventRouter {

    private final Machine machine = new Machine();

    public EventRouter(List<TemplateFunction> functions) {
        try {
            for (TemplateFunction function : functions) {
                for (Map.Entry<String, String> rule : function.eventPatterns().entrySet()) {
                    machine.addRule(function.logicalId() + "/" + rule.getKey(), rule.getValue());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("a rule pattern in template.yaml is not a valid EventBridge pattern: "
                    + e.getMessage(), e);
        }
    }

    /** The logical ids of the functions whose rules match the event, in a stable order. */
    public List<String> route(String eventJson) {
        List<String> rules;
        try {
            rules = machine.rulesForJSONEvent(eventJson);
        } catch (Exception e) {
            return List.of();
        }
        Set<String> functions = new LinkedHashSet<>();
        for (String rule : rules.stream().sorted().toList()) {
            functions.add(rule.substring(0, rule.indexOf('/')));
        }
        return new ArrayList<>(functions);
    }
}
