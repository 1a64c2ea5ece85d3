package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.ShipmentStatus;
import dev.aftercart.core.event.ShipmentUpdated;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which messages a recorded event plans, for which products, and when they fall due. */
class JourneyPlanningTest {

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    private static List<String> described(EventOutcome outcome) {
        return outcome.messages().stream()
                .map(m -> m.journeyId() + "/" + m.stepId() + "/" + m.channel().id() + " " + m.describe())
                .toList();
    }

    private EventOutcome afterOrder(String shipmentFixture) {
        harness.arrive(event("policy-order-placed.json"));
        return harness.arrive(event(shipmentFixture));
    }

    // --- conditions: which steps a status starts ---

    @Test
    void labelCreated_isRecorded_andPlansNothing() {
        EventOutcome outcome = afterOrder("policy-shipment-label-created.json");

        assertThat(outcome.state()).isEqualTo(RecordState.RECORDED);
        assertThat(outcome.messages()).isEmpty();
        assertThat(harness.ledger.forCustomer("c-5001")).allMatch(e -> e.journeyId().equals("order-confirmation"));
    }

    @Test
    void inTransit_plansTheEmailOnly() {
        assertThat(described(afterOrder("policy-shipment-in-transit.json")))
                .containsExactly("shipping-updates/email/email sent");
    }

    @Test
    void outForDeliveryBeforeSeven_sendsTheEmail_andHoldsTheSmsUntilSeven() {
        // 11:30Z is 06:30 in New York
        assertThat(described(afterOrder("policy-shipment-out-for-delivery.json"))).containsExactly(
                "shipping-updates/email/email sent",
                "shipping-updates/sms-out-for-delivery/sms held:sms_quiet_hours");
        assertThat(harness.entry("c-5001", "shipping-updates", "sms-out-for-delivery", Channel.SMS).dueAt())
                .isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    }

    @Test
    void attemptedDelivery_sendsEmailAndSms_andSchedulesTheFollowUpADayLater() {
        // when
        EventOutcome outcome = afterOrder("policy-shipment-attempted-delivery.json");

        // then
        assertThat(described(outcome)).containsExactly(
                "shipping-updates/email/email sent",
                "shipping-updates/sms/sms sent",
                "shipping-updates/attempted-follow-up/sms scheduled");
        LedgerEntry followUp = harness.entry("c-5001", "shipping-updates", "attempted-follow-up", Channel.SMS);
        assertThat(followUp.dueAt()).isEqualTo(Instant.parse("2026-11-24T19:00:00Z"));
        assertThat(followUp.subject()).containsEntry("status", "attempted_delivery").containsEntry("shipmentId", "s-5001");
    }

    @Test
    void firstSeenAlreadyDelivered_getsOnlyTheDeliveredShippingMessages() {
        // when
        EventOutcome outcome = afterOrder("policy-shipment-delivered.json");

        // then
        assertThat(described(outcome)).filteredOn(m -> m.startsWith("shipping-updates/")).containsExactly(
                "shipping-updates/email/email sent",
                "shipping-updates/sms/sms held:sms_quiet_hours");
        assertThat(harness.ledger.forCustomer("c-5001")).filteredOn(e -> e.journeyId().equals("shipping-updates"))
                .allSatisfy(e -> assertThat(e.subject()).containsEntry("status", "delivered"));
    }

    @Test
    void journeyCondition_onAnOrderFact_decidesWhetherItIsPlanned() {
        // given: a journey only for orders of four items or more
        EngineHarness custom = EngineHarness.withJourneys(JourneyCatalog.parse("{\"journeys\": [{\"id\": \"big-order\","
                + " \"trigger\": \"Order Placed\", \"kind\": \"transactional\","
                + " \"when\": {\"itemCount\": [{\"numeric\": [\">=\", 4]}]},"
                + " \"steps\": [{\"id\": \"thanks\", \"channels\": [\"email\"], \"template\": \"promo\"}]}]}"),
                Fixtures.templatesIn("policy-templates"));

        // when: four items (1 + 2 + 1), then three (1 + 2)
        EventOutcome big = custom.arrive(event("policy-order-placed.json"));
        EventOutcome small = custom.arrive(event("order-placed.json"));

        // then
        assertThat(described(big)).containsExactly("big-order/thanks/email sent");
        assertThat(small.messages()).isEmpty();
    }

    @Test
    void engine_refusesAConditionOnAFactItsTriggerDoesNotOffer() {
        JourneyCatalog journeys = JourneyCatalog.parse("{\"journeys\": [{\"id\": \"j1\", \"trigger\": \"Shipment Updated\","
                + " \"kind\": \"marketing\", \"steps\": [{\"id\": \"s\", \"channels\": [\"email\"], \"template\": \"t\","
                + " \"when\": {\"rating\": [1]}}]}]}");

        assertThatThrownBy(() -> new JourneyEngine(journeys, null, harness.customers, harness.ledger, harness.catalog,
                harness.scheduler, harness.dispatcher, null, harness.policies, ZoneId.of("America/New_York"), harness.clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("journey j1: Shipment Updated offers the facts ")
                .hasMessageEndingWith(", not [rating]");
    }

    // --- delivery: review requests and tips ---

    @Test
    void delivery_schedulesReviewRequestReminderAndTips_atTenLocal() {
        // when: delivered at 22:30 on 23 November in New York (03:30Z on the 24th)
        afterOrder("policy-shipment-delivered.json");

        // then: tips two days later, the request after the default 7 usage days, the reminder 5 days after that
        LedgerEntry tips = harness.entry("c-5001", "product-tips", "tips", Channel.EMAIL);
        LedgerEntry request = harness.entry("c-5001", "review-request", "request", Channel.EMAIL);
        LedgerEntry reminder = harness.entry("c-5001", "review-request", "reminder", Channel.EMAIL);
        assertThat(tips.dueAt()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2026-12-05T15:00:00Z"));
        assertThat(List.of(tips, request, reminder)).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.SCHEDULED);
            assertThat(e.scheduleName()).isEqualTo(ScheduleNames.of(e.messageId(), e.dueAt()));
        });
        assertThat(request.productIds()).containsExactly("p-510", "p-520", "p-530");
    }

    @Test
    void delivery_schedulesEachLaterMessageThroughTheScheduler_atItsDueTime() {
        afterOrder("policy-shipment-delivered.json");

        assertThat(harness.waiting()).extracting(s -> s.at().toString()).containsExactly(
                "2026-11-24T13:00:00Z", // the delivered SMS, held from 22:30 until 08:00
                "2026-11-25T15:00:00Z",
                "2026-11-30T15:00:00Z",
                "2026-12-05T15:00:00Z");
        assertThat(harness.waiting()).allSatisfy(s -> assertThat(harness.ledger.find(s.customerId(), s.messageId())
                .orElseThrow().scheduleName()).isEqualTo(s.name()));
    }

    /** A delivered whole-order shipment for a customer stored directly, handled with the clock at the delivery. */
    private EventOutcome delivered(CustomerProfile profile, OrderRecord order, String at) {
        harness.customers.saveProfile(profile, 0);
        harness.customers.saveOrder(order, 0);
        harness.clock.set(Instant.parse(at).plusSeconds(5));
        return harness.engine.handle("evt-1", new ShipmentUpdated("s-1", order.orderId(), profile.customerId(),
                ShipmentStatus.DELIVERED, "UPS", null, null, null, null, Instant.parse(at)));
    }

    private static CustomerProfile customer(String zone) {
        return Fixtures.profile("c-7").timeZone(zone).region(null).consent(true, false, true).build();
    }

    private static final OrderRecord ONE_SHOE = Fixtures.order("c-7", "o-7", Fixtures.item("p-1", "Shoe", 1, "79.00", "USD"));

    private void usageDays(String productId, Integer days) {
        harness.catalog.saveProduct(new Product(productId, productId, null, null, null, null, days, null, true,
                Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void reviewRequests_groupProductsByUsageDays_inRunsOfThree() {
        // given: four products used for 7 days (one said by the catalog, three by default) and one for 21
        OrderRecord order = Fixtures.order("c-7", "o-7",
                Fixtures.item("p-1", "One", 1, "1.00", "USD"), Fixtures.item("p-2", "Two", 1, "1.00", "USD"),
                Fixtures.item("p-5", "Five", 1, "1.00", "USD"), Fixtures.item("p-3", "Three", 1, "1.00", "USD"),
                Fixtures.item("p-4", "Four", 1, "1.00", "USD"));
        usageDays("p-1", 7);
        usageDays("p-5", 21);

        // when: delivered at 14:00 New York time on 23 November
        delivered(customer("America/New_York"), order, "2026-11-23T19:00:00Z");

        // then
        assertThat(harness.entries("c-7", "review-request", "request"))
                .extracting(e -> e.subject().get("productIds"), e -> e.dueAt().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("p-1,p-2,p-3", "2026-11-30T15:00:00Z"),
                        // A second run due the same day goes a day later, or the cooldown would skip it.
                        org.assertj.core.groups.Tuple.tuple("p-4", "2026-12-01T15:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple("p-5", "2026-12-14T15:00:00Z"));
        assertThat(harness.entries("c-7", "review-request", "reminder"))
                .extracting(e -> e.subject().get("productIds"), e -> e.dueAt().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("p-1,p-2,p-3", "2026-12-05T15:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple("p-4", "2026-12-06T15:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple("p-5", "2026-12-19T15:00:00Z"));
        assertThat(harness.entries("c-7", "product-tips", "tips")).singleElement()
                .satisfies(tips -> assertThat(tips.productIds()).containsExactly("p-1", "p-2", "p-5", "p-3", "p-4"));
    }

    @Test
    void sendAt_isTenInTheCustomersZone_notTheStores() {
        // when: delivered at 04:00 on 24 November in Seoul (19:00Z on the 23rd)
        delivered(customer("Asia/Seoul"), ONE_SHOE, "2026-11-23T19:00:00Z");

        // then: 10:00 KST is 01:00Z
        assertThat(harness.entry("c-7", "product-tips", "tips", Channel.EMAIL).dueAt())
                .isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(harness.entry("c-7", "review-request", "request", Channel.EMAIL).dueAt())
                .isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
    }

    @Test
    void sendAt_countsCalendarDays_acrossTheAutumnClockChange() {
        // when: delivered at 00:30 EDT on 28 October; clocks go back on 1 November
        delivered(customer("America/New_York"), ONE_SHOE, "2026-10-28T04:30:00Z");

        // then: 4 November (28 + 7) at 10:00 EST, not 3 November
        assertThat(harness.entry("c-7", "review-request", "request", Channel.EMAIL).dueAt())
                .isEqualTo(Instant.parse("2026-11-04T15:00:00Z"));
        assertThat(harness.entry("c-7", "review-request", "reminder", Channel.EMAIL).dueAt())
                .isEqualTo(Instant.parse("2026-11-09T15:00:00Z"));
    }

    @Test
    void sendAt_countsCalendarDays_acrossTheSpringClockChange() {
        // when: delivered at 23:30 EST on 1 March; clocks go forward on 8 March
        delivered(customer("America/New_York"), ONE_SHOE, "2026-03-02T04:30:00Z");

        // then: 8 March (1 + 7) at 10:00 EDT, not 9 March; the tips on 3 March at 10:00 EST
        assertThat(harness.entry("c-7", "review-request", "request", Channel.EMAIL).dueAt())
                .isEqualTo(Instant.parse("2026-03-08T14:00:00Z"));
        assertThat(harness.entry("c-7", "product-tips", "tips", Channel.EMAIL).dueAt())
                .isEqualTo(Instant.parse("2026-03-03T15:00:00Z"));
    }

    // --- repeats ---

    @Test
    void sameDeliveryTwice_plansNothingNew() {
        // given
        afterOrder("policy-shipment-delivered.json");
        int entries = harness.ledger.forCustomer("c-5001").size();
        int schedules = harness.scheduler.scheduled().size();

        // when
        EventOutcome again = harness.accept(event("policy-shipment-delivered.json"));

        // then
        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(again.messages()).extracting(PlannedMessage::describe)
                .containsExactly("unchanged:sent", "unchanged:held", "unchanged:scheduled", "unchanged:scheduled",
                        "unchanged:scheduled");
        assertThat(harness.ledger.forCustomer("c-5001")).hasSize(entries);
        assertThat(harness.scheduler.scheduled()).hasSize(schedules);
        assertThat(harness.email.count()).isEqualTo(2);
    }

    @Test
    void staleUpdate_plansNothing() {
        // given
        afterOrder("policy-shipment-delivered.json");
        int entries = harness.ledger.forCustomer("c-5001").size();

        // when: a late in-transit scan
        EventOutcome late = harness.accept(Fixtures.at(event("policy-shipment-in-transit.json"), "2026-11-24T05:00:00Z"));

        // then
        assertThat(late.state()).isEqualTo(RecordState.STALE);
        assertThat(late.messages()).isEmpty();
        assertThat(harness.ledger.forCustomer("c-5001")).hasSize(entries);
    }
}
