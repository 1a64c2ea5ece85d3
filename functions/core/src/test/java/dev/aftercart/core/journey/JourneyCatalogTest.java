package dev.aftercart.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JourneyCatalogTest {

    private static String catalog(String journey) {
        return "{\"journeys\": [" + journey + "]}";
    }

    private static final String STEP = "{\"id\": \"confirm\", \"channels\": [\"email\"], \"template\": \"t\"}";

    @Test
    void fromClasspath_readsTheShippedOrderConfirmation() {
        // when
        Journey journey = JourneyCatalog.fromClasspath().journey("order-confirmation").orElseThrow();

        // then
        assertThat(journey.trigger()).isEqualTo("Order Placed");
        assertThat(journey.kind()).isEqualTo(MessageKind.TRANSACTIONAL);
        assertThat(journey.exitWhen()).containsExactly(ExitCondition.ORDER_CANCELLED);
        assertThat(journey.steps()).containsExactly(new JourneyStep("confirm", Duration.ZERO,
                java.util.List.of(Channel.EMAIL, Channel.SMS), "order-confirmation", Duration.ofHours(24)));
    }

    @Test
    void parse_defaultsAfterToNow_andExpiresAfterToNever() {
        JourneyStep step = JourneyCatalog.parse(catalog(
                "{\"id\": \"j\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\", \"steps\": [" + STEP + "]}"))
                .journey("j").orElseThrow().step("confirm");

        assertThat(step.after()).isEqualTo(Duration.ZERO);
        assertThat(step.expiresAfter()).isNull();
    }

    @Test
    void triggeredBy_listsTheJourneysOfADetailType_inFileOrder() {
        JourneyCatalog journeys = JourneyCatalog.parse("{\"journeys\": ["
                + "{\"id\": \"b\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\", \"steps\": [" + STEP + "]},"
                + "{\"id\": \"x\", \"trigger\": \"Order Cancelled\", \"kind\": \"marketing\", \"steps\": [" + STEP + "]},"
                + "{\"id\": \"a\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\", \"steps\": [" + STEP + "]}]}");

        assertThat(journeys.triggeredBy("Order Placed")).extracting(Journey::id).containsExactly("b", "a");
    }

    @Test
    void parse_missingKind_namesJourneyAndField() {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog("{\"id\": \"j1\", \"trigger\": \"Order Placed\", \"steps\": [" + STEP + "]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey j1: kind is required");
    }

    @Test
    void parse_unknownKind_namesJourneyAndField() {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog(
                "{\"id\": \"j1\", \"trigger\": \"Order Placed\", \"kind\": \"promo\", \"steps\": [" + STEP + "]}")))
                .hasMessage("journey j1.kind: unknown value promo");
    }

    @Test
    void parse_missingId_saysWhichField() {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog("{\"trigger\": \"Order Placed\", \"kind\": \"marketing\"}")))
                .hasMessage("journey: id is required");
    }

    @Test
    void parse_unknownChannel_namesJourneyStepAndField() {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog("{\"id\": \"j1\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\","
                + "\"steps\": [{\"id\": \"s1\", \"channels\": [\"push\"], \"template\": \"t\"}]}")))
                .hasMessage("journey j1 step s1.channels: unknown value push");
    }

    @Test
    void parse_badDuration_namesJourneyStepAndField() {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog("{\"id\": \"j1\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\","
                + "\"steps\": [{\"id\": \"s1\", \"after\": \"7 days\", \"channels\": [\"email\"], \"template\": \"t\"}]}")))
                .hasMessageStartingWith("journey j1 step s1.after must be an ISO 8601 duration");
    }

    @Test
    void parse_missingTemplate_namesJourneyAndStep() {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog("{\"id\": \"j1\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\","
                + "\"steps\": [{\"id\": \"s1\", \"channels\": [\"email\"]}]}")))
                .hasMessage("journey j1 step s1: template is required");
    }

    @Test
    void parse_noChannels_namesJourneyAndStep() {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog("{\"id\": \"j1\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\","
                + "\"steps\": [{\"id\": \"s1\", \"channels\": [], \"template\": \"t\"}]}")))
                .hasMessage("journey j1 step s1: channels must name email, sms or both");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"welcome.v2", "환영", "with space"})
    void parse_aJourneyIdSesCannotTag_isRejected_namingTheRule(String id) {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog("{\"id\": \"" + id + "\", \"trigger\": \"Order Placed\","
                + " \"kind\": \"marketing\", \"steps\": [" + STEP + "]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey " + id + ": id must be 1 to 64 ASCII letters, digits, '-' or '_'");
    }

    @Test
    void parse_noSteps_namesTheJourney() {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog("{\"id\": \"j1\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\"}")))
                .hasMessage("journey j1: steps must not be empty");
    }

    @Test
    void parse_stepsThatAreNotAnArray_namesJourneyAndField() {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog(
                "{\"id\": \"j1\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\", \"steps\": " + STEP + "}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey j1: steps must be an array");
    }

    @Test
    void parse_channelsThatAreNotAnArray_namesJourneyStepAndField() {
        assertThatThrownBy(() -> JourneyCatalog.parse(catalog("{\"id\": \"j1\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\","
                + "\"steps\": [{\"id\": \"s1\", \"channels\": \"email\", \"template\": \"t\"}]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey j1 step s1: channels must be an array");
    }

    @Test
    void parse_sameJourneyIdTwice_isRejected() {
        String journey = "{\"id\": \"j1\", \"trigger\": \"Order Placed\", \"kind\": \"marketing\", \"steps\": [" + STEP + "]}";

        assertThatThrownBy(() -> JourneyCatalog.parse(catalog(journey + "," + journey)))
                .hasMessage("journey id j1 is defined twice");
    }
}
