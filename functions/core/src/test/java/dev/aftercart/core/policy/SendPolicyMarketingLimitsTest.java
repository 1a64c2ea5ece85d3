package dev.aftercart.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.ExitCondition;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.SkipReason;
import dev.aftercart.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cooldowns and caps per channel for marketing, which transactional ignores; and negative-review suppression. */
class SendPolicyMarketingLimitsTest {

    /** Noon in New York, inside every SMS window. */
    private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");

    private final SendPolicy policy = new SendPolicy(SendRules.DEFAULTS, java.time.ZoneId.of("America/New_York"));

    private static final Decision SEND = new Decision.Send();

    private static Decision skip(SkipReason reason) {
        return new Decision.Skip(reason);
    }

    private static Engagement sent(Channel channel, Duration... agos) {
        List<Engagement.MarketingSend> sends = new ArrayList<>();
        for (Duration ago : agos) {
            sends.add(new Engagement.MarketingSend(channel, NOW.minus(ago)));
        }
        return new Engagement(sends, Map.of());
    }

    private static CustomerProfile customer(Engagement engagement) {
        return Fixtures.profile("c-1").timeZone("America/New_York").region("US-NY").consent(true, true, true)
                .engagement(engagement).build();
    }

    /** A message of a journey that exits when an item is returned (like the tips), about {@code products}. */
    private Decision decide(Channel channel, MessageKind kind, CustomerProfile profile, String... products) {
        JourneyStep step = new JourneyStep("s", Duration.ZERO, List.of(channel), "t", null);
        Journey journey = new Journey("j", "Shipment Updated", kind, List.of(step), List.of(ExitCondition.ITEM_RETURNED));
        Map<String, String> subject = products.length == 0 ? Map.of()
                : Map.of("productIds", LedgerEntry.joinProductIds(List.of(products)));
        LedgerEntry message = LedgerEntry.planned("c-1", "m-1", "j", "s", channel, kind, subject, NOW, NOW);
        return policy.decide(new SendContext(message, journey, step, profile, null), NOW);
    }

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    private static Duration days(long d) {
        return Duration.ofDays(d);
    }

    @Test
    void marketingEmail_withinSixteenHoursOfTheLast_isSkippedForCooldown() {
        CustomerProfile profile = customer(sent(Channel.EMAIL, hours(16).minusSeconds(1)));

        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, profile)).isEqualTo(skip(SkipReason.MARKETING_COOLDOWN));
    }

    @Test
    void marketingEmail_sixteenHoursAfterTheLast_isSent() {
        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, customer(sent(Channel.EMAIL, hours(16))))).isEqualTo(SEND);
    }

    @Test
    void marketingSms_withinTwentyFourHoursOfTheLast_isSkippedForCooldown() {
        assertThat(decide(Channel.SMS, MessageKind.MARKETING, customer(sent(Channel.SMS, hours(23)))))
                .isEqualTo(skip(SkipReason.MARKETING_COOLDOWN));
        assertThat(decide(Channel.SMS, MessageKind.MARKETING, customer(sent(Channel.SMS, hours(24))))).isEqualTo(SEND);
    }

    @Test
    void cooldown_isPerChannel_aRecentEmailDoesNotHoldBackAnSms() {
        assertThat(decide(Channel.SMS, MessageKind.MARKETING, customer(sent(Channel.EMAIL, hours(1))))).isEqualTo(SEND);
    }

    @Test
    void marketingEmail_afterFiveInThirtyDays_isSkippedForTheCap() {
        CustomerProfile profile = customer(sent(Channel.EMAIL, days(29), days(20), days(10), days(5), days(2)));

        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, profile)).isEqualTo(skip(SkipReason.MARKETING_CAP));
    }

    @Test
    void marketingEmail_afterFourInThirtyDays_isSent() {
        CustomerProfile profile = customer(sent(Channel.EMAIL, days(31), days(20), days(10), days(5), days(2)));

        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, profile)).isEqualTo(SEND);
    }

    @Test
    void capWindow_includesASendExactlyThirtyDaysAgo() {
        CustomerProfile profile = customer(sent(Channel.EMAIL, days(30), days(20), days(10), days(5), days(2)));

        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, profile)).isEqualTo(skip(SkipReason.MARKETING_CAP));
    }

    @Test
    void marketingSms_afterThreeInThirtyDays_isSkippedForTheCap() {
        assertThat(decide(Channel.SMS, MessageKind.MARKETING, customer(sent(Channel.SMS, days(20), days(10), days(2)))))
                .isEqualTo(skip(SkipReason.MARKETING_CAP));
        assertThat(decide(Channel.SMS, MessageKind.MARKETING, customer(sent(Channel.SMS, days(10), days(2))))).isEqualTo(SEND);
    }

    @Test
    void cap_isPerChannel_fiveEmailsDoNotStopAnSms() {
        CustomerProfile profile = customer(sent(Channel.EMAIL, days(20), days(10), days(5), days(2), hours(1)));

        assertThat(decide(Channel.SMS, MessageKind.MARKETING, profile)).isEqualTo(SEND);
    }

    @Test
    void transactional_ignoresCooldownsAndCaps() {
        Engagement busy = new Engagement(List.of(
                new Engagement.MarketingSend(Channel.EMAIL, NOW.minus(days(9))),
                new Engagement.MarketingSend(Channel.EMAIL, NOW.minus(days(7))),
                new Engagement.MarketingSend(Channel.EMAIL, NOW.minus(days(5))),
                new Engagement.MarketingSend(Channel.EMAIL, NOW.minus(days(3))),
                new Engagement.MarketingSend(Channel.EMAIL, NOW.minus(hours(1))),
                new Engagement.MarketingSend(Channel.SMS, NOW.minus(days(3))),
                new Engagement.MarketingSend(Channel.SMS, NOW.minus(days(2))),
                new Engagement.MarketingSend(Channel.SMS, NOW.minus(hours(1)))), Map.of());

        assertThat(decide(Channel.EMAIL, MessageKind.TRANSACTIONAL, customer(busy))).isEqualTo(SEND);
        assertThat(decide(Channel.SMS, MessageKind.TRANSACTIONAL, customer(busy))).isEqualTo(SEND);
    }

    private static CustomerProfile rated(String productId, int rating, Duration ago) {
        return customer(new Engagement(List.of(), Map.of(productId, new Engagement.ProductReview(rating, NOW.minus(ago)))));
    }

    @Test
    void marketingAboutAProductRatedTwo_isSkippedForNinetyDays() {
        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, rated("p-1", 2, days(89)), "p-1"))
                .isEqualTo(skip(SkipReason.NEGATIVE_REVIEW));
    }

    @Test
    void marketingAboutAProductRatedTwo_isSentAgainAfterNinetyDays() {
        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, rated("p-1", 2, days(90)), "p-1")).isEqualTo(SEND);
    }

    @Test
    void marketingAboutAProductRatedThree_isSent() {
        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, rated("p-1", 3, days(1)), "p-1")).isEqualTo(SEND);
    }

    @Test
    void transactionalAboutAProductRatedOne_isSent() {
        assertThat(decide(Channel.EMAIL, MessageKind.TRANSACTIONAL, rated("p-1", 1, days(1)), "p-1")).isEqualTo(SEND);
    }

    @Test
    void marketingAboutSeveralProducts_leavesOutOnlyThePoorlyRatedOne() {
        // given
        CustomerProfile profile = rated("p-1", 1, days(1));
        JourneyStep step = new JourneyStep("s", Duration.ZERO, List.of(Channel.EMAIL), "t", null);
        Journey journey = new Journey("j", "Shipment Updated", MessageKind.MARKETING, List.of(step), List.of());
        LedgerEntry message = LedgerEntry.planned("c-1", "m-1", "j", "s", Channel.EMAIL, MessageKind.MARKETING,
                Map.of("productIds", "p-1,p-2"), NOW, NOW);
        SendContext context = new SendContext(message, journey, step, profile, null);

        // when / then
        assertThat(policy.decide(context, NOW)).isEqualTo(SEND);
        assertThat(policy.products(context, NOW)).containsExactly("p-2");
    }
}
