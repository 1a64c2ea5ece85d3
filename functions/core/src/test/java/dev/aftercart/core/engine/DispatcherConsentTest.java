package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.feedback.EmailFeedback;
import dev.aftercart.core.feedback.FeedbackRecorder;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.preferences.ConsentChanges;
import dev.aftercart.core.render.EmailTags;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher against what issue 5 adds to the customer's state: the reputation guard's pause,
 * the SMS provider's opt-out list, topics turned off on the preference page, and SES feedback. The
 * customer, c-5001 in New York, ordered on 20 November agreeing to marketing email; the parcel was
 * delivered late on the 23rd, so product tips fall due on the 25th at 10:00 EST and the review
 * request on the 30th.
 */
class DispatcherConsentTest {

    private static final String CUSTOMER = "c-5001";
    private static final String ADDRESS = "orla.brightwater@example.com";
    private static final String PHONE = "+12125550123";
    private static final Instant TIPS_DUE = Instant.parse("2026-11-25T15:00:00Z");
    private static final Instant END = Instant.parse("2026-12-31T00:00:00Z");

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    private LedgerEntry entry(String journey, String step, Channel channel) {
        return harness.entry(CUSTOMER, journey, step, channel);
    }

    private LedgerEntry shippingEmail(String status) {
        return harness.ledger.forCustomer(CUSTOMER).stream()
                .filter(e -> e.journeyId().equals("shipping-updates") && e.stepId().equals("email")
                        && status.equals(e.subject().get("status")))
                .findFirst().orElseThrow();
    }

    // --- the reputation guard's pause ---

    @Test
    void whilePaused_marketingEmailIsHeld_andTransactionalEmailStillGoes() {
        // given
        harness.arrive(event("policy-order-placed.json"));
        harness.reputation.pauseMarketingEmail("bounce_rate", harness.clock.instant());

        // when
        EventOutcome delivered = harness.arrive(event("policy-shipment-delivered.json"));
        harness.runUntil(TIPS_DUE.plusSeconds(1));

        // then: the delivery email went at once; the tips are held and look again in 6 hours
        assertThat(delivered.messages()).filteredOn(m -> m.channel() == Channel.EMAIL && m.journeyId().equals("shipping-updates"))
                .extracting(PlannedMessage::describe).containsExactly("sent");
        LedgerEntry tips = entry("product-tips", "tips", Channel.EMAIL);
        assertThat(tips.status()).isEqualTo(MessageStatus.HELD);
        assertThat(tips.reason()).isEqualTo("marketing_email_paused");
        assertThat(tips.dueAt()).as("its own due time, from which its expiry counts").isEqualTo(TIPS_DUE);
        assertThat(harness.waiting()).anyMatch(s -> s.messageId().equals(tips.messageId())
                && s.at().equals(TIPS_DUE.plusSeconds(6 * 3600)));
        assertThat(harness.email.messages()).extracting(m -> m.text().strip())
                .containsExactly("order #5001 confirmed", "delivered:Trail Running Shoe;Merino Socks;Water Bottle;");
    }

    @Test
    void heldMarketingEmail_goesAtTheNextLook_afterTheOperatorResumes() {
        // given: the tips were held by the pause
        harness.arrive(event("policy-order-placed.json"));
        harness.reputation.pauseMarketingEmail("complaint_rate", harness.clock.instant());
        harness.arrive(event("policy-shipment-delivered.json"));
        harness.runUntil(TIPS_DUE.plusSeconds(1));

        // when
        harness.aftercart.feedback(false).resumeMarketingEmail();
        harness.runUntil(TIPS_DUE.plusSeconds(6 * 3600 + 1));

        // then
        LedgerEntry tips = entry("product-tips", "tips", Channel.EMAIL);
        assertThat(tips.status()).isEqualTo(MessageStatus.SENT);
        assertThat(tips.updatedAt()).isEqualTo(TIPS_DUE.plusSeconds(6 * 3600));
    }

    @Test
    void pauseOutlastingAMessagesExpiry_skipsItAsTooLate_andResumingSendsOnlyWhatIsStillTimely() {
        // given: paused before the delivery; the tips expire 2 days after they fall due, on the 27th
        harness.arrive(event("policy-order-placed.json"));
        harness.reputation.pauseMarketingEmail("bounce_rate", harness.clock.instant());
        harness.arrive(event("policy-shipment-delivered.json"));

        // when: the pause lasts until the 1st of December, a day after the review request fell due
        harness.runUntil(Instant.parse("2026-12-01T00:00:00Z"));
        LedgerEntry tipsDuringPause = entry("product-tips", "tips", Channel.EMAIL);
        LedgerEntry requestDuringPause = entry("review-request", "request", Channel.EMAIL);
        harness.aftercart.feedback(false).resumeMarketingEmail();
        harness.runUntil(END);

        // then: the tips were never sent; the request, still within its 3 days, went at the next look
        assertThat(tipsDuringPause.status()).isEqualTo(MessageStatus.SKIPPED);
        assertThat(tipsDuringPause.reason()).isEqualTo("too_late");
        assertThat(tipsDuringPause.updatedAt()).isEqualTo(Instant.parse("2026-11-27T21:00:00Z"));
        assertThat(requestDuringPause.status()).isEqualTo(MessageStatus.HELD);
        LedgerEntry request = entry("review-request", "request", Channel.EMAIL);
        assertThat(request.status()).isEqualTo(MessageStatus.SENT);
        assertThat(request.updatedAt()).isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
        assertThat(harness.email.messages()).extracting(m -> m.text().strip()).noneMatch(t -> t.startsWith("tips"));
    }

    // --- the SMS provider's opt-out list ---

    @Test
    void numberOnTheOptOutList_isSentNoText_butTheEmailsStillGo() {
        // given: the customer replied STOP to the store's number
        harness.smsOptOuts.optOut(PHONE);

        // when
        EventOutcome ordered = harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-delivered.json"));
        harness.runUntil(Instant.parse("2026-11-24T14:00:00Z"));

        // then
        assertThat(ordered.messages()).extracting(PlannedMessage::channel, PlannedMessage::describe)
                .containsExactly(tuple(Channel.EMAIL, "sent"), tuple(Channel.SMS, "skipped:sms_opted_out"));
        assertThat(harness.ledger.forCustomer(CUSTOMER)).filteredOn(e -> e.channel() == Channel.SMS)
                .extracting(LedgerEntry::status, LedgerEntry::reason)
                .containsOnly(tuple(MessageStatus.SKIPPED, "sms_opted_out"));
        assertThat(harness.sms.count()).isZero();
        assertThat(harness.email.count()).isEqualTo(2);
    }

    @Test
    void optOutList_isNotAskedAboutEmail() {
        harness.arrive(set(event("policy-order-placed.json"), "detail.customer.phone", null));

        assertThat(harness.smsOptOuts.checks()).isZero();
        assertThat(harness.email.count()).isEqualTo(1);
    }

    // --- topics turned off on the page ---

    /** The customer's change on the preference page, as the page applies it. */
    private void consentChanged(UnaryOperator<Consent> change) {
        assertThat(new ConsentChanges(harness.customers, harness.events, harness.clock)
                .apply(CUSTOMER, "preference_page", change)).isTrue();
    }

    @Test
    void reviewRequestsTurnedOff_skipTheReviewRequests_whileOrderAndShippingMessagesAndTipsGo() {
        // given: the customer turned review requests off on the page after ordering
        harness.arrive(event("policy-order-placed.json"));
        consentChanged(c -> c.withTopicsOff(Set.of("review_requests")));

        // when
        harness.arrive(event("policy-shipment-in-transit.json"));
        harness.arrive(event("policy-shipment-delivered.json"));
        harness.runUntil(END);

        // then
        assertThat(harness.entries(CUSTOMER, "review-request", "request"))
                .extracting(LedgerEntry::status, LedgerEntry::reason)
                .containsExactly(tuple(MessageStatus.SKIPPED, "topic_opted_out"));
        assertThat(harness.entries(CUSTOMER, "review-request", "reminder"))
                .extracting(LedgerEntry::status, LedgerEntry::reason)
                .containsExactly(tuple(MessageStatus.SKIPPED, "topic_opted_out"));
        assertThat(entry("product-tips", "tips", Channel.EMAIL).status()).isEqualTo(MessageStatus.SENT);
        assertThat(entry("order-confirmation", "confirm", Channel.EMAIL).status()).isEqualTo(MessageStatus.SENT);
        assertThat(shippingEmail("in_transit").status()).isEqualTo(MessageStatus.SENT);
        assertThat(shippingEmail("delivered").status()).isEqualTo(MessageStatus.SENT);
        assertThat(harness.email.messages()).extracting(m -> m.text().strip())
                .noneMatch(text -> text.startsWith("review"));
    }

    @Test
    void orderConfirmation_stillGoes_toACustomerWhoTurnedEveryTopicAndMarketingOff() {
        // given
        harness.arrive(event("policy-order-placed.json"));
        consentChanged(c -> c.withTopicsOff(Set.of("review_requests", "loyalty_reminders"))
                .withEmailMarketing(false).withSmsMarketing(false));

        // when: a second order
        Map<String, Object> second = at(event("policy-order-placed.json"), "2026-11-26T15:00:00Z");
        set(second, "id", "order-5002");
        set(second, "detail.orderId", "o-5002");
        set(second, "detail.orderNumber", "#5002");
        EventOutcome ordered = harness.arrive(second);

        // then
        assertThat(ordered.messages()).filteredOn(m -> m.journeyId().equals("order-confirmation"))
                .extracting(PlannedMessage::channel, PlannedMessage::describe)
                .containsExactly(tuple(Channel.EMAIL, "sent"), tuple(Channel.SMS, "sent"));
        assertThat(harness.email.last().text().strip()).isEqualTo("order #5002 confirmed");
    }

    // --- SES feedback ---

    private void feedback(EmailFeedback.Type type, int times) {
        FeedbackRecorder recorder = harness.aftercart.feedback(false);
        for (int i = 0; i < times; i++) {
            recorder.record(new EmailFeedback(CUSTOMER, "m-" + i, type, ADDRESS, harness.clock.instant()));
        }
    }

    @Test
    void sevenTransientBouncesInARow_skipTheNextEmail_asSoftBounced() {
        // given
        harness.arrive(event("policy-order-placed.json"));
        feedback(EmailFeedback.Type.BOUNCED_TRANSIENTLY, 7);

        // when
        EventOutcome inTransit = harness.arrive(event("policy-shipment-in-transit.json"));

        // then
        assertThat(inTransit.messages()).extracting(PlannedMessage::describe).containsExactly("skipped:email_soft_bounced");
        assertThat(harness.email.count()).isEqualTo(1);
    }

    @Test
    void sixTransientBounces_andADelivery_leaveTheAddressInUse() {
        harness.arrive(event("policy-order-placed.json"));
        feedback(EmailFeedback.Type.BOUNCED_TRANSIENTLY, 6);
        feedback(EmailFeedback.Type.DELIVERED, 1);
        feedback(EmailFeedback.Type.BOUNCED_TRANSIENTLY, 6);

        EventOutcome inTransit = harness.arrive(event("policy-shipment-in-transit.json"));

        assertThat(inTransit.messages()).extracting(PlannedMessage::describe).containsExactly("sent");
    }

    @Test
    void permanentBounce_skipsEveryLaterEmail_untilTheStoreGivesANewAddress() {
        // given
        harness.arrive(event("policy-order-placed.json"));
        feedback(EmailFeedback.Type.BOUNCED_PERMANENTLY, 1);

        // when
        EventOutcome inTransit = harness.arrive(event("policy-shipment-in-transit.json"));
        Map<String, Object> newAddress = at(event("customer-updated.json"), "2026-11-22T14:00:00Z");
        set(newAddress, "detail.customer.customerId", CUSTOMER);
        set(newAddress, "detail.customer.email", "orla@new.example");
        harness.arrive(newAddress);
        EventOutcome outForDelivery = harness.arrive(event("policy-shipment-out-for-delivery.json"));

        // then
        assertThat(inTransit.messages()).extracting(PlannedMessage::describe).containsExactly("skipped:email_hard_bounced");
        assertThat(outForDelivery.messages()).filteredOn(m -> m.channel() == Channel.EMAIL)
                .extracting(PlannedMessage::describe).containsExactly("sent");
        assertThat(harness.email.last().to()).isEqualTo("orla@new.example");
    }

    @Test
    void complaint_skipsMarketingAndTransactionalEmail_asComplained() {
        harness.arrive(event("policy-order-placed.json"));
        feedback(EmailFeedback.Type.COMPLAINED, 1);

        harness.arrive(event("policy-shipment-delivered.json"));
        harness.runUntil(END);

        assertThat(harness.ledger.forCustomer(CUSTOMER))
                .filteredOn(e -> e.channel() == Channel.EMAIL && !e.journeyId().equals("order-confirmation"))
                .extracting(LedgerEntry::status, LedgerEntry::reason)
                .hasSize(4)
                .containsOnly(tuple(MessageStatus.SKIPPED, "email_complained"));
        assertThat(harness.email.count()).isEqualTo(1);
        assertThat(harness.sms.messages()).extracting(m -> m.body())
                .containsExactly("order #5001 confirmed", "delivered:Trail Running Shoe;Merino Socks;Water Bottle;");
    }

    @Test
    void feedbackTags_ofASentEmail_leadBackToItsLedgerEntry() {
        // given
        harness.arrive(event("policy-order-placed.json"));
        var sent = harness.email.last();

        // when: SES reports the delivery, tagged as the message was sent
        harness.aftercart.feedback(true).record(new EmailFeedback(EmailTags.decode(sent.tags().get("customer")),
                sent.tags().get("message"),
                EmailFeedback.Type.DELIVERED, sent.to(), harness.clock.instant()));

        // then
        assertThat(entry("order-confirmation", "confirm", Channel.EMAIL).feedback()).isEqualTo("delivered");
        assertThat(sent.tags()).containsEntry("journey", "order-confirmation");
    }
}
