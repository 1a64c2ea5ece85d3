package dev.aftercart.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journey fields that conditions, timing, fallbacks and step exits add, and the errors they give. */
class JourneyCatalogStepFieldsTest {

    private static Journey journey(String fields, String step) {
        return JourneyCatalog.parse("{\"journeys\": [{\"id\": \"j1\", \"trigger\": \"Shipment Updated\", \"kind\": \"marketing\""
                + fields + ", \"steps\": [" + step + "]}]}").journey("j1").orElseThrow();
    }

    private static JourneyStep step(String fields) {
        return journey("", "{\"id\": \"s1\", \"channels\": [\"email\"], \"template\": \"t\"" + fields + "}").step("s1");
    }

    private static final String PLAIN_STEP = "{\"id\": \"s1\", \"channels\": [\"email\"], \"template\": \"t\"}";

    @Test
    void journeyWhen_isParsedAsACondition() {
        Journey journey = journey(", \"when\": {\"status\": [\"delivered\"]}", PLAIN_STEP);

        assertThat(journey.when().matches(Map.of("status", "delivered"))).isTrue();
        assertThat(journey.when().matches(Map.of("status", "in_transit"))).isFalse();
    }

    @Test
    void journeyWithoutWhen_appliesToEveryTrigger_oneMessagePerTrigger() {
        Journey journey = journey("", PLAIN_STEP);

        assertThat(journey.when()).isEqualTo(Condition.ALWAYS);
        assertThat(journey.productsPerMessage()).isZero();
    }

    @Test
    void productsPerMessage_isParsed() {
        assertThat(journey(", \"productsPerMessage\": 3", PLAIN_STEP).productsPerMessage()).isEqualTo(3);
    }

    @Test
    void productsPerMessage_outsideOneToTen_namesJourneyAndField() {
        assertThatThrownBy(() -> journey(", \"productsPerMessage\": 0", PLAIN_STEP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey j1.productsPerMessage must be a number from 1 to 10");
        assertThatThrownBy(() -> journey(", \"productsPerMessage\": \"3\"", PLAIN_STEP))
                .hasMessage("journey j1.productsPerMessage must be a number from 1 to 10");
    }

    @Test
    void stepTimingFields_areParsed() {
        JourneyStep step = step(", \"after\": \"P5D\", \"plus\": \"usageDays\", \"sendAt\": \"10:00\"");

        assertThat(step.after()).isEqualTo(Duration.ofDays(5));
        assertThat(step.plusUsageDays()).isTrue();
        assertThat(step.sendAt()).isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void stepWithoutTimingFields_hasNoUsageDaysNoSendAtNoFallbackNoEarlyStart() {
        JourneyStep step = step("");

        assertThat(step.plusUsageDays()).isFalse();
        assertThat(step.sendAt()).isNull();
        assertThat(step.fallback()).isNull();
        assertThat(step.smsWindowStart()).isNull();
        assertThat(step.when()).isEqualTo(Condition.ALWAYS);
        assertThat(step.exitWhen()).isEmpty();
    }

    @Test
    void stepFallbackSmsWindowStartWhenAndExitWhen_areParsed() {
        JourneyStep step = journey("", "{\"id\": \"s1\", \"channels\": [\"sms\"], \"template\": \"t\", \"fallback\": \"email\","
                + " \"smsWindowStart\": \"07:00\", \"when\": {\"status\": [\"attempted_delivery\"]},"
                + " \"exitWhen\": [\"shipment_status_changed\"]}").step("s1");

        assertThat(step.fallback()).isEqualTo(Channel.EMAIL);
        assertThat(step.smsWindowStart()).isEqualTo(LocalTime.of(7, 0));
        assertThat(step.when().matches(Map.of("status", "attempted_delivery"))).isTrue();
        assertThat(step.exitWhen()).containsExactly(ExitCondition.SHIPMENT_STATUS_CHANGED);
    }

    @Test
    void exitsOf_joinsTheJourneysAndTheStepsExits_once() {
        Journey journey = journey(", \"exitWhen\": [\"order_cancelled\"]", "{\"id\": \"s1\", \"channels\": [\"sms\"],"
                + " \"template\": \"t\", \"exitWhen\": [\"shipment_status_changed\", \"order_cancelled\"]}");

        assertThat(journey.exitsOf(journey.step("s1")))
                .containsExactly(ExitCondition.ORDER_CANCELLED, ExitCondition.SHIPMENT_STATUS_CHANGED);
    }

    @Test
    void plusOtherThanAProductsDays_namesJourneyStepAndField() {
        assertThatThrownBy(() -> step(", \"plus\": \"shelfLife\""))
                .hasMessage("journey j1 step s1.plus can only be \"usageDays\" or \"replenishAfterDays\"");
    }

    @Test
    void badSendAt_namesJourneyStepAndField() {
        assertThatThrownBy(() -> step(", \"sendAt\": \"10am\""))
                .hasMessage("journey j1 step s1.sendAt must be a local time such as \"10:00\"");
        assertThatThrownBy(() -> step(", \"sendAt\": 10"))
                .hasMessage("journey j1 step s1.sendAt must be a local time such as \"10:00\"");
    }

    @Test
    void badSmsWindowStart_namesJourneyStepAndField() {
        assertThatThrownBy(() -> step(", \"smsWindowStart\": \"25:00\""))
                .hasMessage("journey j1 step s1.smsWindowStart must be a local time such as \"10:00\"");
    }

    @Test
    void unknownFallback_namesJourneyStepAndField() {
        assertThatThrownBy(() -> step(", \"fallback\": \"push\""))
                .hasMessage("journey j1 step s1.fallback: unknown value push");
    }

    @Test
    void unknownStepExit_namesJourneyStepAndField() {
        assertThatThrownBy(() -> step(", \"exitWhen\": [\"customer_unsubscribed\"]"))
                .hasMessage("journey j1 step s1.exitWhen: unknown value customer_unsubscribed");
    }

    @Test
    void malformedStepWhen_namesJourneyStepAndFact() {
        assertThatThrownBy(() -> step(", \"when\": {\"status\": \"delivered\"}"))
                .hasMessage("journey j1 step s1.when.status must be a non-empty array");
    }

    @Test
    void malformedJourneyWhen_namesJourneyAndFact() {
        assertThatThrownBy(() -> journey(", \"when\": {\"status\": [{\"numeric\": [\"<\"]}]}", PLAIN_STEP))
                .hasMessage("journey j1.when.status: numeric takes [operator, number, ...] pairs");
    }

    @Test
    void sameStepIdTwice_isRejected_namingJourneyAndStep() {
        assertThatThrownBy(() -> journey("", PLAIN_STEP + "," + PLAIN_STEP))
                .hasMessage("journey j1: step id s1 is used twice");
    }

    @Test
    void fromClasspath_readsTheShippedShippingUpdates() {
        Journey journey = JourneyCatalog.fromClasspath().journey("shipping-updates").orElseThrow();

        assertThat(journey.kind()).isEqualTo(MessageKind.TRANSACTIONAL);
        assertThat(journey.when().matches(Map.of("status", "label_created"))).isFalse();
        assertThat(journey.steps()).extracting(JourneyStep::id)
                .containsExactly("email", "sms-out-for-delivery", "sms", "attempted-follow-up");
        assertThat(journey.step("sms-out-for-delivery").smsWindowStart()).isEqualTo(LocalTime.of(7, 0));
        JourneyStep followUp = journey.step("attempted-follow-up");
        assertThat(followUp.after()).isEqualTo(Duration.ofHours(24));
        assertThat(followUp.channels()).containsExactly(Channel.SMS);
        assertThat(followUp.fallback()).isEqualTo(Channel.EMAIL);
        assertThat(journey.exitsOf(followUp)).containsExactly(ExitCondition.ORDER_CANCELLED, ExitCondition.SHIPMENT_STATUS_CHANGED);
    }

    @Test
    void fromClasspath_readsTheShippedReviewRequestAndTips() {
        JourneyCatalog catalog = JourneyCatalog.fromClasspath();
        Journey review = catalog.journey("review-request").orElseThrow();
        Journey tips = catalog.journey("product-tips").orElseThrow();

        assertThat(review.kind()).isEqualTo(MessageKind.MARKETING);
        assertThat(review.productsPerMessage()).isEqualTo(3);
        assertThat(review.steps()).extracting(JourneyStep::after, JourneyStep::plusUsageDays, JourneyStep::sendAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Duration.ZERO, true, LocalTime.of(10, 0)),
                        org.assertj.core.groups.Tuple.tuple(Duration.ofDays(5), true, LocalTime.of(10, 0)));
        assertThat(review.exitWhen()).containsExactlyInAnyOrder(ExitCondition.ORDER_CANCELLED,
                ExitCondition.PRODUCT_REVIEWED, ExitCondition.ITEM_RETURNED);
        assertThat(tips.step("tips").after()).isEqualTo(Duration.ofDays(2));
        assertThat(review.when().matches(Map.of("status", "delivered"))).isTrue();
        assertThat(review.when().matches(Map.of("status", "out_for_delivery"))).isFalse();
        // Tips wait for the whole order, and speak of all of it: one email for a split order.
        assertThat(tips.aboutWholeOrder()).isTrue();
        assertThat(tips.when().matches(Map.of("status", "delivered", "allDelivered", true))).isTrue();
        assertThat(tips.when().matches(Map.of("status", "delivered", "allDelivered", false))).isFalse();
    }
}
