package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.policy.SendRules;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.testing.CapturedLog;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.RecordingScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The send-time policies as a customer experiences them: streams of messages dispatched through the
 * real {@link Dispatcher}, with the in-memory ports, on a clock that advances through the stream and
 * fires every hold when it falls due. Customers, their zones (given, from a US state, from the
 * phone's country, or the store's), consents, histories and the instants are generated.
 */
class DispatchPropertiesTest {

    private static final String CUSTOMER = "c-1";
    private static final Templates TEMPLATES = Fixtures.templatesIn("policy-templates");
    /** Marketing email and SMS, and transactional SMS with and without the 07:00 start; none ever expires. */
    private static final JourneyCatalog JOURNEYS = JourneyCatalog.parse("""
            {"journeys": [
              {"id": "promo", "trigger": "Order Placed", "kind": "marketing", "steps": [
                {"id": "email", "channels": ["email"], "template": "promo"},
                {"id": "sms", "channels": ["sms"], "template": "promo"}]},
              {"id": "notice", "trigger": "Order Placed", "kind": "transactional", "steps": [
                {"id": "sms", "channels": ["sms"], "template": "promo"},
                {"id": "sms-early", "channels": ["sms"], "template": "promo", "smsWindowStart": "07:00"}]}]}
            """);
    private static final SendRules RULES = SendRules.DEFAULTS;
    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");

    // --- what is generated ---

    /** A customer, and the zone their quiet hours must be counted in, worked out here independently. */
    record Customer(CustomerProfile profile, ZoneId zone) {
    }

    /** One message of a stream: which step, and how long after the previous one it is due. */
    record Message(String journey, String step, Duration gap) {

        Channel channel() {
            return step.startsWith("sms") ? Channel.SMS : Channel.EMAIL;
        }

        MessageKind kind() {
            return journey.equals("promo") ? MessageKind.MARKETING : MessageKind.TRANSACTIONAL;
        }
    }

    @Provide
    Arbitrary<Customer> customers() {
        Arbitrary<String> phone = Arbitraries.of("+821012345678", "+66812345678", "+447700900123", "+12125550123");
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<Consent> consent = Combinators.combine(flag, flag, Arbitraries.of(true, false).injectNull(0.5))
                .as(Consent::new);
        Arbitrary<String> timeZone = Arbitraries.of("America/New_York", "America/Los_Angeles", "Asia/Seoul",
                "Europe/London", "Australia/Sydney", "Pacific/Auckland", "America/Sao_Paulo").injectNull(0.5);
        Arbitrary<String> region = Arbitraries.of("US-FL", "US-WA", "US-OK", "US-CA", "US-NY", "US-AZ", "KR-11").injectNull(0.4);
        return Combinators.combine(timeZone, region, phone, consent).as((tz, r, p, c) -> {
            CustomerProfile profile = new CustomerProfile(CUSTOMER, "c1@example.com", p, "Quinn", "en-US", tz, r, c,
                    Suppression.NONE, Loyalty.NONE, Engagement.NONE, null, YEAR_START, 1);
            return new Customer(profile, expectedZone(tz, r, p));
        });
    }

    private static ZoneId expectedZone(String timeZone, String region, String phone) {
        if (timeZone != null) {
            return ZoneId.of(timeZone);
        }
        String byState = region == null ? null : switch (region) {
            case "US-FL", "US-NY" -> "America/New_York";
            case "US-WA", "US-CA" -> "America/Los_Angeles";
            case "US-OK" -> "America/Chicago";
            case "US-AZ" -> "America/Phoenix";
            default -> null;
        };
        if (byState != null) {
            return ZoneId.of(byState);
        }
        return ZoneId.of(switch (phone.substring(0, 3)) {
            case "+82" -> "Asia/Seoul";
            case "+66" -> "Asia/Bangkok";
            case "+44" -> "Europe/London";
            default -> Fixtures.STORE.defaultTimeZone().getId();
        });
    }

    /** Any minute of 2026, often one of the days clocks change somewhere the customers live. */
    @Provide
    Arbitrary<Instant> starts() {
        Arbitrary<Instant> anyMinute = Arbitraries.longs().between(0, 364L * 24 * 60).map(m -> YEAR_START.plusSeconds(60 * m));
        Arbitrary<Instant> clockChangeDay = Combinators.combine(
                Arbitraries.of("2026-03-08", "2026-11-01", "2026-03-29", "2026-10-25", "2026-04-05", "2026-09-27"),
                Arbitraries.integers().between(-12 * 60, 36 * 60))
                .as((day, minutes) -> Instant.parse(day + "T00:00:00Z").plusSeconds(60L * minutes));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, anyMinute),
                net.jqwik.api.Tuple.of(1, clockChangeDay));
    }

    @Provide
    Arbitrary<List<Message>> smsStreams() {
        Arbitrary<String[]> step = Arbitraries.of(new String[] {"notice", "sms"}, new String[] {"notice", "sms-early"},
                new String[] {"promo", "sms"});
        return Combinators.combine(step, gaps()).as((s, gap) -> new Message(s[0], s[1], gap)).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Message>> marketingStreams() {
        return Combinators.combine(Arbitraries.of("email", "sms"), gaps())
                .as((step, gap) -> new Message("promo", step, gap)).list().ofMinSize(5).ofMaxSize(40);
    }

    private static Arbitrary<Duration> gaps() {
        return Arbitraries.longs().between(0, 48 * 60).map(Duration::ofMinutes);
    }

    /**
     * Up to six marketing sends in the 30 days before the stream, on either channel. Their instants
     * are relative (before the epoch by as long as before the stream); the property shifts them to its start.
     */
    @Provide
    Arbitrary<List<Engagement.MarketingSend>> histories() {
        return Combinators.combine(Arbitraries.of(Channel.class), Arbitraries.longs().between(1, 30L * 24 * 60))
                .as((channel, minutesBefore) -> new Engagement.MarketingSend(channel, Instant.ofEpochSecond(-60 * minutesBefore)))
                .list().ofMaxSize(6);
    }

    // --- running a stream ---

    /** The messages of a stream dispatched on the virtual clock, each at its due time, with every hold fired. */
    private static EngineHarness run(CustomerProfile profile, Instant start, List<Message> stream) {
        EngineHarness harness = EngineHarness.withJourneys(JOURNEYS, TEMPLATES);
        harness.clock.set(start);
        assertThat(harness.customers.saveProfile(profile, 0)).isTrue();
        Instant due = start;
        for (int i = 0; i < stream.size(); i++) {
            Message m = stream.get(i);
            due = due.plus(m.gap());
            harness.runUntil(due);
            LedgerEntry entry = LedgerEntry.planned(CUSTOMER, "m-" + i, m.journey(), m.step(), m.channel(), m.kind(),
                    Map.of(), due, due);
            assertThat(harness.ledger.insert(entry)).isTrue();
            harness.dispatcher.dispatch(CUSTOMER, entry.messageId());
        }
        harness.runUntil(due.plus(Duration.ofDays(3)));
        return harness;
    }

    private static List<LedgerEntry> sent(EngineHarness harness) {
        return harness.ledger.forCustomer(CUSTOMER).stream().filter(e -> e.status() == MessageStatus.SENT).toList();
    }

    /** Whether the message was ever held: a hold is the only schedule the dispatcher makes. */
    private static boolean wasHeld(EngineHarness harness, LedgerEntry entry) {
        return harness.scheduler.scheduled().stream().anyMatch(s -> s.messageId().equals(entry.messageId()));
    }

    // --- properties ---

    @Property(tries = 400)
    void noSms_isEverSentOutsideItsWindow(@ForAll("customers") Customer customer, @ForAll("starts") Instant start,
            @ForAll("smsStreams") List<Message> stream) {
        try (CapturedLog ignored = CapturedLog.start()) {
            // when
            EngineHarness harness = run(customer.profile(), start, stream);

            // then: every SMS went out between the step's start and the region's end, in the customer's zone
            List<LedgerEntry> texts = sent(harness).stream().filter(e -> e.channel() == Channel.SMS).toList();
            for (LedgerEntry text : texts) {
                LocalTime local = text.updatedAt().atZone(customer.zone()).toLocalTime();
                LocalTime opens = text.stepId().equals("sms-early") ? LocalTime.of(7, 0) : RULES.smsWindowStart();
                LocalTime closes = RULES.smsWindowEnd(customer.profile().region());
                assertThat(!local.isBefore(opens) && local.isBefore(closes))
                        .as("%s sent at %s local in %s, window %s-%s", text.stepId(), local, customer.zone(), opens, closes)
                        .isTrue();
            }
            assertThat(harness.waiting()).isEmpty();
            Statistics.label("some text sent").collect(!texts.isEmpty());
            Statistics.label("a held text sent later").collect(texts.stream().anyMatch(t -> wasHeld(harness, t)));
        }
        Statistics.label("some text sent").coverage(c -> c.check(true).percentage(pct -> pct > 60));
        Statistics.label("a held text sent later").coverage(c -> c.check(true).percentage(pct -> pct > 30));
    }

    @Property(tries = 300)
    void marketingStream_neverExceedsACap_norBreaksACooldown(@ForAll("customers") Customer customer,
            @ForAll("starts") Instant start, @ForAll("histories") List<Engagement.MarketingSend> history,
            @ForAll("marketingStreams") List<Message> stream) {
        // given: a customer who accepts both, with marketing already received in the past 30 days
        List<Engagement.MarketingSend> past = history.stream()
                .map(s -> new Engagement.MarketingSend(s.channel(), start.plus(Duration.between(Instant.EPOCH, s.at()))))
                .toList();
        CustomerProfile profile = customer.profile().withEngagement(new Engagement(past, Map.of()))
                .withVersion(1);
        CustomerProfile consenting = new CustomerProfile(profile.customerId(), profile.email(), profile.phone(),
                profile.firstName(), profile.locale(), profile.timeZone(), profile.region(), new Consent(true, true, true),
                profile.suppression(), profile.loyalty(), profile.engagement(), profile.subscriptions(), profile.updatedAt(),
                profile.version());

        try (CapturedLog ignored = CapturedLog.start()) {
            // when
            EngineHarness harness = run(consenting, start, stream);

            // then
            for (Channel channel : Channel.values()) {
                List<Instant> sends = new ArrayList<>(past.stream().filter(s -> s.channel() == channel)
                        .map(Engagement.MarketingSend::at).toList());
                List<Instant> fresh = sent(harness).stream().filter(e -> e.channel() == channel)
                        .map(LedgerEntry::updatedAt).sorted().toList();
                for (Instant send : fresh) {
                    Instant previous = sends.stream().max(Instant::compareTo).orElse(null);
                    if (previous != null) {
                        assertThat(Duration.between(previous, send)).as("%s cooldown before %s", channel, send)
                                .isGreaterThanOrEqualTo(RULES.marketingCooldown().get(channel));
                    }
                    sends.add(send);
                    long inWindow = sends.stream().filter(s -> !s.isBefore(send.minus(RULES.marketingCapWindow()))).count();
                    assertThat(inWindow).as("%s sends in the 30 days to %s", channel, send)
                            .isLessThanOrEqualTo(RULES.marketingCap().get(channel));
                }
            }
            List<String> reasons = harness.ledger.forCustomer(CUSTOMER).stream()
                    .filter(e -> e.status() == MessageStatus.SKIPPED).map(LedgerEntry::reason).toList();
            Statistics.label("some sent").collect(!sent(harness).isEmpty());
            Statistics.label("some capped").collect(reasons.contains("marketing_cap"));
            Statistics.label("some cooled down").collect(reasons.contains("marketing_cooldown"));
            Statistics.label("some held").collect(sent(harness).stream().anyMatch(e -> wasHeld(harness, e)));
        }
        Statistics.label("some sent").coverage(c -> c.check(true).percentage(pct -> pct > 90));
        Statistics.label("some capped").coverage(c -> c.check(true).percentage(pct -> pct > 50));
        Statistics.label("some cooled down").coverage(c -> c.check(true).percentage(pct -> pct > 70));
        Statistics.label("some held").coverage(c -> c.check(true).percentage(pct -> pct > 30));
    }

    @Property(tries = 300)
    void marketing_isNeverSent_withoutConsentAtTheTimeItGoes(@ForAll("customers") Customer customer,
            @ForAll("starts") Instant start, @ForAll("marketingStreams") List<Message> stream,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 40) int withdrawnAfter) {
        // given: the customer withdraws all marketing consent once the stream's message `withdrawnAfter` has been dispatched
        List<Message> before = stream.subList(0, Math.min(withdrawnAfter, stream.size()));
        List<Message> after = stream.subList(before.size(), stream.size());

        try (CapturedLog ignored = CapturedLog.start()) {
            // when
            EngineHarness harness = run(customer.profile(), start, before);
            Instant withdrawnAt = harness.clock.instant();
            CustomerProfile current = harness.customers.profile(CUSTOMER).orElseThrow();
            CustomerProfile withdrawn = new CustomerProfile(current.customerId(), current.email(), current.phone(),
                    current.firstName(), current.locale(), current.timeZone(), current.region(),
                    new Consent(false, false, current.consent().smsTransactional()), current.suppression(),
                    current.loyalty(), current.engagement(), current.subscriptions(), withdrawnAt, current.version() + 1);
            assertThat(harness.customers.saveProfile(withdrawn, current.version())).isTrue();
            int sentBefore = sent(harness).size();
            EngineHarness later = continueRun(harness, withdrawnAt, after, before.size());

            // then
            Consent consent = customer.profile().consent();
            for (LedgerEntry message : sent(later)) {
                assertThat(message.updatedAt()).as("sent after consent was withdrawn").isBefore(withdrawnAt.plusNanos(1));
                assertThat(message.channel() == Channel.EMAIL ? consent.emailMarketing() : consent.smsMarketing())
                        .as("%s marketing sent without consent", message.channel()).isTrue();
            }
            Statistics.label("some sent").collect(sentBefore > 0);
            Statistics.label("some refused for consent").collect(later.ledger.forCustomer(CUSTOMER).stream()
                    .anyMatch(e -> e.reason() != null && e.reason().endsWith("_marketing_consent")));
        }
        Statistics.label("some sent").coverage(c -> c.check(true).percentage(pct -> pct > 50));
        Statistics.label("some refused for consent").coverage(c -> c.check(true).percentage(pct -> pct > 65));
    }

    /** Dispatches the rest of a stream on an existing harness, its first message due {@code from} plus its gap. */
    private static EngineHarness continueRun(EngineHarness harness, Instant from, List<Message> stream, int firstIndex) {
        Instant due = from;
        for (int i = 0; i < stream.size(); i++) {
            Message m = stream.get(i);
            due = due.plus(m.gap());
            harness.runUntil(due);
            LedgerEntry entry = LedgerEntry.planned(CUSTOMER, "m-" + (firstIndex + i), m.journey(), m.step(), m.channel(),
                    m.kind(), Map.of(), due, due);
            harness.ledger.insert(entry);
            harness.dispatcher.dispatch(CUSTOMER, entry.messageId());
        }
        harness.runUntil(due.plus(Duration.ofDays(3)));
        return harness;
    }

    @Property(tries = 400)
    void heldSms_isEventuallySentExactlyOnce_evenWhenItsScheduleFiresTwice(@ForAll("customers") Customer customer,
            @ForAll("starts") Instant due, @ForAll("smsSteps") String[] step) {
        // given: a customer who takes this text, with no marketing history to stop it
        CustomerProfile p = customer.profile();
        CustomerProfile reachable = new CustomerProfile(p.customerId(), p.email(), p.phone(), p.firstName(), p.locale(),
                p.timeZone(), p.region(), new Consent(false, true, true), p.suppression(), p.loyalty(), p.engagement(),
                p.subscriptions(), p.updatedAt(), p.version());
        Message message = new Message(step[0], step[1], Duration.ZERO);

        try (CapturedLog ignored = CapturedLog.start()) {
            // when: it is dispatched when due, then every schedule fires on time, and each fires once more
            EngineHarness harness = run(reachable, due, List.of(message));
            for (RecordingScheduler.Schedule schedule : harness.scheduler.scheduled()) {
                harness.dispatcher.dispatch(schedule.customerId(), schedule.messageId());
            }

            // then
            LedgerEntry entry = harness.ledger.find(CUSTOMER, "m-0").orElseThrow();
            List<SmsMessage> texts = harness.sms.messages().stream().filter(s -> s.messageId().equals("m-0")).toList();
            assertThat(entry.status()).isEqualTo(MessageStatus.SENT);
            assertThat(texts).hasSize(1);
            boolean held = wasHeld(harness, entry);
            if (held) {
                assertThat(entry.updatedAt()).isEqualTo(harness.scheduler.scheduled().get(0).at());
            }
            Statistics.label("held").collect(held);
        }
        Statistics.label("held").coverage(c -> {
            c.check(true).percentage(pct -> pct > 20);
            c.check(false).percentage(pct -> pct > 40);
        });
    }

    @Provide
    Arbitrary<String[]> smsSteps() {
        return Arbitraries.of(new String[] {"notice", "sms"}, new String[] {"notice", "sms-early"}, new String[] {"promo", "sms"});
    }
}
