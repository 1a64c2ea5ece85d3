package dev.aftercart.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the local deployment resolves template.yaml: the same values for the functions and the rules that reach them. */
class LocalDeploymentTest {

    private final SamTemplate template = SamTemplate.fromClasspath();
    private final TemplateModel model = LocalDeployment.templateModel(template, LocalDeployment.preferencesUrl(9090));

    @Test
    void configurationSet_theFunctionsSendWith_isTheOneTheFeedbackRuleMatches() {
        TemplateFunction feedback = function("SesFeedbackFunction");
        @SuppressWarnings("unchecked")
        Map<String, Object> pattern = (Map<String, Object>) Json.parseObject(
                feedback.eventPatterns().values().iterator().next()).get("detail");

        assertThat(Json.write(pattern)).isEqualTo(
                "{\"mail\":{\"tags\":{\"ses:configuration-set\":[\"aftercart-local-messages\"]}}}");
        assertThat(model.functions()).allSatisfy(f -> assertThat(env(f)).containsEntry("SES_CONFIGURATION_SET",
                "aftercart-local-messages"));
    }

    @Test
    void links_pointAtTheLocalServer_andLiveTenYears() {
        assertThat(model.functions()).allSatisfy(f -> assertThat(env(f))
                .containsEntry("PREFERENCES_URL", "http://127.0.0.1:9090/preferences/")
                .containsEntry("LINK_LIFETIME_DAYS", "3650")
                .containsEntry("TABLE_NAME", LocalDeployment.TABLE));
    }

    @Test
    void whatOnlyAStackCanResolve_getsALocalStandIn_neverAnUnresolvedIntrinsic() {
        Map<String, String> env = env(function("OrderEventsFunction"));

        assertThat(env).containsEntry("SCHEDULER_ROLE_ARN", LocalDeployment.UNRESOLVABLE.get("SCHEDULER_ROLE_ARN"))
                .containsEntry("EVENT_BUS_NAME", "aftercart-local");
        assertThat(env.values()).noneMatch(v -> v.contains("Fn::") || v.contains("{Ref"));
    }

    private TemplateFunction function(String logicalId) {
        return model.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    private Map<String, String> env(TemplateFunction function) {
        return LocalDeployment.environment(template, function, model.parameters());
    }
}
