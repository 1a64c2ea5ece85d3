package dev.aftercart.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.ExitCondition;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class SendPolicyPropertiesTest {

    private static final Instant DUE = Instant.parse("2026-11-20T10:00:00Z");
    private static final OrderRecord ORDER = Fixtures.order("c-1", "o-1", Fixtures.item("p-1", "Shoe", 1, "79.00", "USD"));

    private final SendPolicy policy = new SendPolicy(dev.aftercart.core.policy.SendRules.DEFAULTS, java.time.ZoneOffset.UTC);

    private Decision decide(CustomerProfile profile, Channel channel, MessageKind kind, long minutesLate) {
        JourneyStep step = new JourneyStep("s", Duration.ZERO, List.of(channel), "t", Duration.ofHours(24));
        Journey journey = new Journey("j", "Order Placed", kind, List.of(step), List.of(ExitCondition.ORDER_CANCELLED));
        LedgerEntry message = LedgerEntry.planned("c-1", "m-1", "j", "s", channel, kind, Map.of("orderId", "o-1"), DUE, DUE);
        return policy.decide(new SendContext(message, journey, step, profile, ORDER), DUE.plus(Duration.ofMinutes(minutesLate)));
    }

    @Property
    void marketing_isNeverSent_withoutConsentForItsChannel(@ForAll("profiles") CustomerProfile profile,
            @ForAll("customerChannels") Channel channel, @ForAll("minutesLate") long minutesLate) {
        // when
        Decision decision = decide(profile, channel, MessageKind.MARKETING, minutesLate);

        // then (and the property is not vacuous: some marketing does go out)
        Statistics.collect(decision.getClass().getSimpleName());
        Statistics.coverage(coverage -> coverage.check("Send").percentage(p -> p > 5));
        if (decision instanceof Decision.Send) {
            boolean consent = channel == Channel.EMAIL ? profile.consent().emailMarketing() : profile.consent().smsMarketing();
            assertThat(consent).as("marketing %s sent without consent", channel).isTrue();
        }
    }

    @Property
    void email_isNeverSent_toABouncedOrComplainedAddress_whateverItsKind(@ForAll("profiles") CustomerProfile profile,
            @ForAll MessageKind kind, @ForAll("minutesLate") long minutesLate) {
        // when
        Decision decision = decide(profile, Channel.EMAIL, kind, minutesLate);

        // then
        Statistics.collect(decision.getClass().getSimpleName());
        Statistics.coverage(coverage -> coverage.check("Send").percentage(p -> p > 5));
        if (decision instanceof Decision.Send) {
            assertThat(profile.suppression()).isEqualTo(Suppression.NONE);
        }
    }

    @Property
    void nothing_isSent_withoutAnAddressForItsChannel(@ForAll("profiles") CustomerProfile profile,
            @ForAll("customerChannels") Channel channel, @ForAll MessageKind kind) {
        Decision decision = decide(profile, channel, kind, 0);

        if (decision instanceof Decision.Send) {
            assertThat(channel == Channel.EMAIL ? profile.email() : profile.phone()).isNotNull();
        }
    }

    /** The channels that reach the customer; the event channel reaches the store's systems. */
    @Provide
    Arbitrary<Channel> customerChannels() {
        return Arbitraries.of(Channel.EMAIL, Channel.SMS);
    }

    @Provide
    Arbitrary<Long> minutesLate() {
        return Arbitraries.longs().between(0, 3 * 24 * 60);
    }

    @Provide
    Arbitrary<CustomerProfile> profiles() {
        Arbitrary<String> email = Arbitraries.of("zephyrine.quill@example.com").injectNull(0.2);
        Arbitrary<String> phone = Arbitraries.of("+14155550199").injectNull(0.2);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<Boolean> stated = Arbitraries.of(true, false).injectNull(0.4);
        Arbitrary<Consent> consent = Combinators.combine(flag, flag, stated).as(Consent::new);
        Arbitrary<Suppression> suppression = Combinators.combine(flag, flag).as(Suppression::new);
        return Combinators.combine(email, phone, consent, suppression).as((e, p, c, s) -> new CustomerProfile(
                "c-1", e, p, "Zephyrine", "en-US", "Europe/London", null, c, s, Loyalty.NONE,
                dev.aftercart.core.customer.Engagement.NONE, null, DUE, 1));
    }
}
