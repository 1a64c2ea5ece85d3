package dev.aftercart.aws.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AftercartConfig} read from an environment as {@code template.yaml} sets it. */
class AftercartConfigTest {

    static final String SECRET_ARN =
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:LinkSigningSecret-Xq7rT2kP9mWb";

    /** Every variable a function's environment carries, with the template's defaults where it has them. */
    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", "aftercart-table");
        env.put("SES_CONFIGURATION_SET", "aftercart-messages");
        env.put("SCHEDULE_GROUP", "aftercart");
        env.put("SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:role/aftercart-scheduler");
        env.put("DISPATCH_TARGET_ARN", "arn:aws:lambda:us-east-1:123456789012:function:aftercart-dispatch");
        env.put("EVENT_BUS_NAME", "default");
        env.put("STORE_NAME", "Aftercart Demo");
        env.put("STORE_URL", "https://shop.example");
        env.put("STORE_SUPPORT_EMAIL", "help@shop.example");
        env.put("STORE_POSTAL_ADDRESS", "1 Market St, San Francisco, CA 94105");
        env.put("EMAIL_FROM_ADDRESS", "orders@shop.example");
        env.put("PREFERENCES_URL", "https://prefs.example");
        env.put("UNSUBSCRIBE_MAILTO", "");
        env.put("LINK_SECRET_ARN", SECRET_ARN);
        env.put("LINK_LIFETIME_DAYS", "90");
        env.put("TRACK_ENGAGEMENT", "false");
        return env;
    }

    private static AftercartConfig with(String name, String value) {
        Map<String, String> env = environment();
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return AftercartConfig.from(Env.of(env));
    }

    @Test
    void from_readsTheLinkSecretAndLifetime() {
        AftercartConfig config = with("LINK_LIFETIME_DAYS", "30");

        assertThat(config.linkSecretId()).isEqualTo(SECRET_ARN);
        assertThat(config.linkLifetime()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void from_refusesAMissingLinkSecret_namingTheVariable() {
        assertThatThrownBy(() -> with("LINK_SECRET_ARN", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable LINK_SECRET_ARN is required but not set");
    }

    @Test
    void from_refusesABlankLinkSecret_asNotSet() {
        assertThatThrownBy(() -> with("LINK_SECRET_ARN", "  "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable LINK_SECRET_ARN is required but not set");
    }

    @Test
    void from_givesLinksNinetyDays_whenTheLifetimeIsUnset() {
        assertThat(with("LINK_LIFETIME_DAYS", null).linkLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(with("LINK_LIFETIME_DAYS", "").linkLifetime()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void from_acceptsALifetimeOfOneDay_upToTenYears() {
        assertThat(with("LINK_LIFETIME_DAYS", "1").linkLifetime()).isEqualTo(Duration.ofDays(1));
        assertThat(with("LINK_LIFETIME_DAYS", "3650").linkLifetime()).isEqualTo(Duration.ofDays(3650));
    }

    @ParameterizedTest(name = "LINK_LIFETIME_DAYS={0}")
    @ValueSource(strings = {"0", "-1", "x", "1.5", "90d", " 7", "3651", "9223372036854775807", "99999999999999999999"})
    void from_refusesALifetimeThatIsNotAWholeNumberOfDaysUpToTenYears_namingTheVariableAndRule(String days) {
        assertThatThrownBy(() -> with("LINK_LIFETIME_DAYS", days))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable LINK_LIFETIME_DAYS must be a whole number from 1 to 3650");
    }

    @Test
    void from_tracksNoEngagement_unlessTold() {
        assertThat(with("TRACK_ENGAGEMENT", null).trackEngagement()).isFalse();
        assertThat(with("TRACK_ENGAGEMENT", "false").trackEngagement()).isFalse();
        assertThat(with("TRACK_ENGAGEMENT", "").trackEngagement()).isFalse();
    }

    @Test
    void from_tracksEngagement_whenTrue() {
        assertThat(with("TRACK_ENGAGEMENT", "true").trackEngagement()).isTrue();
        assertThat(with("TRACK_ENGAGEMENT", "TRUE").trackEngagement()).isTrue();
    }

    @ParameterizedTest(name = "TRACK_ENGAGEMENT={0}")
    @ValueSource(strings = {"yes", "1", "on", "tru"})
    void from_refusesATrackEngagementThatIsNeitherTrueNorFalse_ratherThanReadingItAsFalse(String value) {
        assertThatThrownBy(() -> with("TRACK_ENGAGEMENT", value))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable TRACK_ENGAGEMENT must be true or false");
    }

    @Test
    void from_usesTheSupportAddressForTheUnsubscribeMailto_whenItIsBlank() {
        assertThat(with("UNSUBSCRIBE_MAILTO", "").store().unsubscribeMailto()).isEqualTo("help@shop.example");
        assertThat(with("UNSUBSCRIBE_MAILTO", null).store().unsubscribeMailto()).isEqualTo("help@shop.example");
    }

    @Test
    void from_usesTheUnsubscribeMailto_whenSet() {
        AftercartConfig config = with("UNSUBSCRIBE_MAILTO", "unsubscribe@shop.example");

        assertThat(config.store().unsubscribeMailto()).isEqualTo("unsubscribe@shop.example");
        assertThat(config.store().supportEmail()).isEqualTo("help@shop.example");
    }

    @Test
    void from_readsEachNewVariableThroughEnv_soTheTemplateTestSeesIt() {
        Env env = Env.of(environment());

        AftercartConfig.from(env);

        assertThat(env.namesRead()).contains("LINK_SECRET_ARN", "LINK_LIFETIME_DAYS", "TRACK_ENGAGEMENT",
                "UNSUBSCRIBE_MAILTO");
    }
}
