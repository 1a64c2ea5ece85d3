package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.policy.SendRules;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The send rules of {@code policies.json}: what the file says wins, what it leaves out keeps its default. */
class PoliciesSendRulesTest {

    private static SendRules rules(String json) {
        return Policies.parse(json).sendRules();
    }

    @Test
    void emptyFile_givesTheDefaultsFromPractice() {
        SendRules rules = rules("{}");

        assertThat(rules).isEqualTo(SendRules.DEFAULTS);
        assertThat(rules.smsWindowStart()).isEqualTo(LocalTime.of(8, 0));
        assertThat(rules.smsWindowEnd("US-CA")).isEqualTo(LocalTime.of(21, 0));
        assertThat(rules.smsWindowEndByRegion()).containsOnlyKeys("US-FL", "US-OK", "US-WA", "US-CT", "US-MD")
                .allSatisfy((region, end) -> assertThat(end).isEqualTo(LocalTime.of(20, 0)));
        assertThat(rules.marketingCooldown()).isEqualTo(Map.of(Channel.EMAIL, Duration.ofHours(16), Channel.SMS, Duration.ofHours(24)));
        assertThat(rules.marketingCap()).isEqualTo(Map.of(Channel.EMAIL, 5, Channel.SMS, 3));
        assertThat(rules.marketingCapWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(rules.negativeRatingAtMost()).isEqualTo(2);
        assertThat(rules.negativeReviewSuppression()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void shippedFile_saysWhatTheDefaultsSay() {
        assertThat(Policies.fromClasspath().sendRules()).isEqualTo(SendRules.DEFAULTS);
    }

    @Test
    void smsWindowEnd_isTheRegionsWhenItHasOne_elseTheGeneralEnd() {
        SendRules rules = SendRules.DEFAULTS;

        assertThat(rules.smsWindowEnd("US-FL")).isEqualTo(LocalTime.of(20, 0));
        assertThat(rules.smsWindowEnd("KR-11")).isEqualTo(LocalTime.of(21, 0));
        assertThat(rules.smsWindowEnd(null)).isEqualTo(LocalTime.of(21, 0));
    }

    @Test
    void quietHoursOverride_changesOnlyWhatItNames() {
        SendRules rules = rules("{\"smsQuietHours\": {\"start\": \"09:00\", \"endByRegion\": {\"US-TX\": \"20:30\", \"US-FL\": \"19:00\"}}}");

        assertThat(rules.smsWindowStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(rules.smsWindowEnd(null)).isEqualTo(LocalTime.of(21, 0));
        assertThat(rules.smsWindowEnd("US-TX")).isEqualTo(LocalTime.of(20, 30));
        assertThat(rules.smsWindowEnd("US-FL")).isEqualTo(LocalTime.of(19, 0));
        assertThat(rules.smsWindowEnd("US-WA")).isEqualTo(LocalTime.of(20, 0));
    }

    @Test
    void marketingOverride_changesOnlyWhatItNames() {
        SendRules rules = rules("{\"marketing\": {\"cooldown\": {\"sms\": \"PT48H\"}, \"cap\": {\"email\": 8, \"window\": \"P7D\"}}}");

        assertThat(rules.marketingCooldown()).isEqualTo(Map.of(Channel.EMAIL, Duration.ofHours(16), Channel.SMS, Duration.ofHours(48)));
        assertThat(rules.marketingCap()).isEqualTo(Map.of(Channel.EMAIL, 8, Channel.SMS, 3));
        assertThat(rules.marketingCapWindow()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void negativeReviewOverride_isRead() {
        SendRules rules = rules("{\"negativeReview\": {\"ratingAtMost\": 1, \"suppressFor\": \"P180D\"}}");

        assertThat(rules.negativeRatingAtMost()).isEqualTo(1);
        assertThat(rules.negativeReviewSuppression()).isEqualTo(Duration.ofDays(180));
    }

    @Test
    void badQuietHoursTime_namesTheField() {
        assertThatThrownBy(() -> rules("{\"smsQuietHours\": {\"endByRegion\": {\"US-FL\": \"8pm\"}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journeys/policies.json: smsQuietHours.endByRegion.US-FL must be a local time such as \"08:00\"");
    }

    @Test
    void badCooldown_namesTheField() {
        assertThatThrownBy(() -> rules("{\"marketing\": {\"cooldown\": {\"email\": \"16 hours\"}}}"))
                .hasMessage("journeys/policies.json: marketing.cooldown.email must be an ISO 8601 duration such as \"PT16H\"");
    }

    @Test
    void unknownChannelInACooldown_namesTheField() {
        assertThatThrownBy(() -> rules("{\"marketing\": {\"cooldown\": {\"push\": \"PT16H\"}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journeys/policies.json: marketing.cooldown.push names no channel; use email or sms");
    }

    @Test
    void capThatIsNotANumber_namesTheField() {
        assertThatThrownBy(() -> rules("{\"marketing\": {\"cap\": {\"sms\": \"three\"}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journeys/policies.json: marketing.cap.sms must be a number");
    }

    @Test
    void windowThatEndsBeforeItStarts_isRejected() {
        assertThatThrownBy(() -> rules("{\"smsQuietHours\": {\"start\": \"21:00\", \"end\": \"08:00\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the SMS window must start before it ends");
    }
}
