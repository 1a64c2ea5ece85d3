package dev.aftercart.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.Condition;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SMS goes out only inside its window in the recipient's zone; outside it, it is held to the window's next opening. */
class SendPolicyQuietHoursTest {

    private static final ZoneId STORE = ZoneId.of("America/New_York");

    private final SendPolicy policy = new SendPolicy(SendRules.DEFAULTS, STORE);

    /** A customer in New York (not one of the states whose window ends at 20:00) who takes every message. */
    private static Fixtures.ProfileBuilder newYorker() {
        return Fixtures.profile("c-1").timeZone("America/New_York").region("US-NY").consent(true, true, true);
    }

    private Decision decide(Channel channel, MessageKind kind, LocalTime windowStart, CustomerProfile profile, String now) {
        Instant at = Instant.parse(now);
        JourneyStep step = new JourneyStep("s", Duration.ZERO, false, null, List.of(channel), "t", null,
                Condition.ALWAYS, null, windowStart, List.of());
        Journey journey = new Journey("j", "Shipment Updated", kind, List.of(step), List.of());
        LedgerEntry message = LedgerEntry.planned("c-1", "m-1", "j", "s", channel, kind, Map.of(), at, at);
        return policy.decide(new SendContext(message, journey, step, profile, null), at);
    }

    private Decision sms(CustomerProfile profile, String now) {
        return decide(Channel.SMS, MessageKind.TRANSACTIONAL, null, profile, now);
    }

    private static Decision heldUntil(String instant) {
        return new Decision.Hold(Instant.parse(instant), SendPolicy.QUIET_HOURS);
    }

    private static final Decision SEND = new Decision.Send();

    @Test
    void sms_isSent_fromEightUntilJustBeforeNineLocal() {
        // 2026-11-20 is EST (UTC-5)
        assertThat(sms(newYorker().build(), "2026-11-20T13:00:00Z")).isEqualTo(SEND);
        assertThat(sms(newYorker().build(), "2026-11-21T01:59:59Z")).isEqualTo(SEND);
    }

    @Test
    void sms_beforeEightLocal_isHeldUntilEightThatMorning() {
        assertThat(sms(newYorker().build(), "2026-11-20T12:59:00Z")).isEqualTo(heldUntil("2026-11-20T13:00:00Z"));
    }

    @Test
    void sms_fromNineLocal_isHeldUntilEightNextMorning() {
        assertThat(sms(newYorker().build(), "2026-11-21T02:00:00Z")).isEqualTo(heldUntil("2026-11-21T13:00:00Z"));
    }

    @Test
    void sms_inAStateWhoseWindowEndsAtEight_isHeldFromEightPm() {
        CustomerProfile floridian = newYorker().region("US-FL").build();

        assertThat(sms(floridian, "2026-11-21T00:59:00Z")).isEqualTo(SEND);
        assertThat(sms(floridian, "2026-11-21T01:00:00Z")).isEqualTo(heldUntil("2026-11-21T13:00:00Z"));
    }

    @Test
    void stepWithAnEarlierStart_sendsFromSevenLocal() {
        // the out-for-delivery text: 07:00 instead of 08:00
        LocalTime seven = LocalTime.of(7, 0);

        assertThat(decide(Channel.SMS, MessageKind.TRANSACTIONAL, seven, newYorker().build(), "2026-11-20T12:00:00Z"))
                .isEqualTo(SEND);
        assertThat(decide(Channel.SMS, MessageKind.TRANSACTIONAL, seven, newYorker().build(), "2026-11-20T11:59:00Z"))
                .isEqualTo(heldUntil("2026-11-20T12:00:00Z"));
    }

    @Test
    void stepWithAnEarlierStart_heldAtNight_opensAtSevenNotEight() {
        assertThat(decide(Channel.SMS, MessageKind.TRANSACTIONAL, LocalTime.of(7, 0), newYorker().build(), "2026-11-21T03:30:00Z"))
                .isEqualTo(heldUntil("2026-11-21T12:00:00Z"));
    }

    @Test
    void stepWithAnEarlierStart_stillEndsAtTheRegionsEnd() {
        CustomerProfile floridian = newYorker().region("US-FL").build();

        assertThat(decide(Channel.SMS, MessageKind.TRANSACTIONAL, LocalTime.of(7, 0), floridian, "2026-11-21T01:00:00Z"))
                .isEqualTo(heldUntil("2026-11-21T12:00:00Z"));
    }

    @Test
    void marketingSms_inQuietHours_isHeld_notDropped() {
        assertThat(decide(Channel.SMS, MessageKind.MARKETING, null, newYorker().build(), "2026-11-21T03:00:00Z"))
                .isEqualTo(heldUntil("2026-11-21T13:00:00Z"));
    }

    @Test
    void email_isNeverHeldForQuietHours() {
        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, null, newYorker().build(), "2026-11-21T08:00:00Z"))
                .isEqualTo(SEND);
    }

    @Test
    void springForwardNight_holdsUntilEightDaylightTime() {
        // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT; 01:30 EST is 06:30Z, 08:00 EDT is 12:00Z
        assertThat(sms(newYorker().build(), "2026-03-08T06:30:00Z")).isEqualTo(heldUntil("2026-03-08T12:00:00Z"));
    }

    @Test
    void eveningBeforeSpringForward_holdsUntilEightDaylightTime_elevenAndAHalfHoursLater() {
        // 21:30 EST on 7 March is 02:30Z on the 8th; the next 08:00 local is already EDT
        assertThat(sms(newYorker().build(), "2026-03-08T02:30:00Z")).isEqualTo(heldUntil("2026-03-08T12:00:00Z"));
    }

    @Test
    void fallBackNight_holdsUntilEightStandardTime() {
        // 2026-11-01: 01:30 happens twice; the first (EDT) is 05:30Z, and 08:00 EST is 13:00Z
        assertThat(sms(newYorker().build(), "2026-11-01T05:30:00Z")).isEqualTo(heldUntil("2026-11-01T13:00:00Z"));
        assertThat(sms(newYorker().build(), "2026-11-01T06:30:00Z")).isEqualTo(heldUntil("2026-11-01T13:00:00Z"));
    }

    @Test
    void fallBackDay_sendsFromEightStandardTime_notEightDaylightTime() {
        // 12:30Z is 07:30 EST on 1 November, though it would have been 08:30 EDT the day before
        assertThat(sms(newYorker().build(), "2026-11-01T12:30:00Z")).isEqualTo(heldUntil("2026-11-01T13:00:00Z"));
        assertThat(sms(newYorker().build(), "2026-11-01T13:00:00Z")).isEqualTo(SEND);
    }

    @Test
    void customerInSeoul_isHeldByKoreanHours_notTheStores() {
        CustomerProfile seoul = Fixtures.profile("c-1").timeZone("Asia/Seoul").region(null).phone("+821012345678").build();

        // 13:00Z is 22:00 KST (08:00 in New York): held until 08:00 KST, which is 23:00Z
        assertThat(sms(seoul, "2026-11-20T13:00:00Z")).isEqualTo(heldUntil("2026-11-20T23:00:00Z"));
        assertThat(sms(seoul, "2026-11-20T23:30:00Z")).isEqualTo(SEND);
    }

    @Test
    void customerWithoutATimeZone_isHeldByThePhonesCountry() {
        CustomerProfile seoul = Fixtures.profile("c-1").timeZone(null).region(null).phone("+821012345678").build();

        assertThat(sms(seoul, "2026-11-20T13:00:00Z")).isEqualTo(heldUntil("2026-11-20T23:00:00Z"));
    }
}
