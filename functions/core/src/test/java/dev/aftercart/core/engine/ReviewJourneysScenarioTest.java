package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.render.BusEvent;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a review sets off, on the virtual clock. The customer (New York, marketing email yes,
 * marketing SMS no) ordered a shoe, socks and a water bottle on 20 November; they were delivered
 * late on the 23rd, so the shoe and socks are asked about on 30 November and reminded on
 * 5 December, at 10:00 local; the bottle, used for 21 days, later.
 */
class ReviewJourneysScenarioTest {

    private static final String CUSTOMER = "c-5001";

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    private void orderDelivered() {
        harness.arrive(event("policy-product-updated-usage-21.json"));
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-delivered.json"));
    }

    private static Map<String, Object> review(String fixture, int rating) {
        return set(event(fixture), "detail.rating", BigDecimal.valueOf(rating));
    }

    private List<String> emailTexts() {
        return harness.email.messages().stream().map(m -> m.text().strip()).toList();
    }

    private static List<String> described(EventOutcome outcome) {
        return outcome.messages().stream()
                .map(m -> m.journeyId() + "/" + m.stepId() + "/" + m.channel().id() + " " + m.describe())
                .toList();
    }

    // --- a review and the review request ---

    @Test
    void reviewOfOneProductOfARequest_sendsTheRequestAndReminderAboutTheOthersOnly() {
        // given
        orderDelivered();

        // when: the socks are reviewed before the request about the shoe and socks is due
        harness.arrive(review("issue4-review-1-star.json", 4));
        harness.runUntil(Instant.parse("2026-12-06T00:00:00Z"));

        // then: both go out, never naming the socks
        assertThat(harness.entries(CUSTOMER, "review-request", "request")).filteredOn(
                e -> e.subject().get("productIds").equals("p-510,p-520"))
                .extracting(LedgerEntry::status, e -> e.updatedAt().toString())
                .containsExactly(tuple(MessageStatus.SENT, "2026-11-30T15:00:00Z"));
        assertThat(emailTexts()).filteredOn(t -> t.startsWith("review:"))
                .containsExactly("review:Trail Running Shoe;", "review:Trail Running Shoe;");
    }

    // --- rating 2 or lower: recovery ---

    @Test
    void poorReview_sendsTheApologyAtOnce_andPublishesOneServiceRecoveryRequest() {
        // given: a customer who takes no marketing email
        harness.arrive(set(event("policy-order-placed.json"), "detail.customer.consent.emailMarketing", false));

        // when
        EventOutcome outcome = harness.arrive(review("issue4-review-1-star.json", 2));

        // then
        assertThat(described(outcome)).containsExactly("review-recovery/apology/email sent",
                "review-recovery/help-desk/event sent");
        assertThat(harness.entry(CUSTOMER, "review-recovery", "apology", Channel.EMAIL).kind())
                .isEqualTo(MessageKind.TRANSACTIONAL);
        assertThat(harness.email.last().text().strip()).isEqualTo("recovery:Merino Socks;rating 2");
        assertThat(harness.events.published()).extracting(BusEvent::detailType)
                .containsExactly("Service Recovery Requested");
    }

    @Test
    void serviceRecoveryRequest_carriesIdsAndTheRating_neverTheReviewOrContactDetails() {
        // given
        harness.arrive(event("policy-order-placed.json"));

        // when
        harness.arrive(event("issue4-review-1-star.json"));

        // then
        BusEvent published = harness.events.published().get(0);
        assertThat(published.detail()).containsOnlyKeys("customerId", "orderId", "productId", "reviewId", "rating",
                "hasMedia", "journey", "messageId", "locale");
        assertThat(published.detail()).containsEntry("customerId", CUSTOMER).containsEntry("orderId", "o-5001")
                .containsEntry("productId", "p-520").containsEntry("reviewId", "rev-5002").containsEntry("rating", "1");
        assertThat(published.detail().values()).map(String::valueOf)
                .noneMatch(v -> v.contains("Holes") || v.contains("wore through") || v.contains("@")
                        || v.contains("+1212") || v.contains("Orla"));
    }

    @Test
    void poorReviewDeliveredTwice_apologisesAndPublishesOnce() {
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("issue4-review-1-star.json"));

        EventOutcome again = harness.accept(event("issue4-review-1-star.json"));

        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(described(again)).containsExactly("review-recovery/apology/email unchanged:sent",
                "review-recovery/help-desk/event unchanged:sent");
        assertThat(harness.events.published()).hasSize(1);
        assertThat(emailTexts()).filteredOn(t -> t.startsWith("recovery")).hasSize(1);
    }

    @Test
    void poorReviewRetried_afterAnAttemptThatOnlyRecordedIt_stillApologises() {
        // given: an earlier attempt recorded the review, then the Lambda died before planning
        harness.arrive(event("policy-order-placed.json"));
        harness.runUntil(Instant.parse("2026-11-26T16:00:05Z"));
        new Recorder(harness.customers, harness.catalog).record(Fixtures.reviewSubmitted(event("issue4-review-1-star.json")));

        // when: Lambda retries the event
        harness.accept(event("issue4-review-1-star.json"));

        // then
        assertThat(emailTexts()).contains("recovery:Merino Socks;rating 1");
        assertThat(harness.events.published()).hasSize(1);
    }

    @Test
    void poorReview_stopsMarketingAboutThatProduct() {
        // given
        orderDelivered();

        // when: the socks get one star the day after delivery, before the tips are due
        harness.arrive(at(event("issue4-review-1-star.json"), "2026-11-24T14:00:00Z"));
        harness.runUntil(Instant.parse("2026-11-26T00:00:00Z"));

        // then: the tips about the order leave the socks out
        assertThat(emailTexts()).contains("tips:Trail Running Shoe;Water Bottle;");
    }

    @Test
    void ratingOfThree_neitherApologisesNorInvites() {
        harness.arrive(event("policy-order-placed.json"));

        EventOutcome outcome = harness.arrive(review("issue4-review-1-star.json", 3));

        assertThat(outcome.messages()).isEmpty();
        assertThat(harness.events.published()).isEmpty();
    }

    // --- rating 4 or more: the loyalty invitation ---

    @Test
    void happyReviewFromANonMember_invitesThemTheNextDayAtTen_askingForAPhoto() {
        // given
        harness.arrive(event("policy-order-placed.json"));

        // when: five stars, no photo, at 09:00 in New York
        EventOutcome outcome = harness.arrive(event("issue4-review-5-stars.json"));

        // then: one marketing email, the next day at 10:00 local, that asks for a photo
        assertThat(described(outcome)).containsExactly("loyalty-invitation/invite/email scheduled");
        LedgerEntry invitation = harness.entry(CUSTOMER, "loyalty-invitation", "invite", Channel.EMAIL);
        assertThat(invitation.kind()).isEqualTo(MessageKind.MARKETING);
        assertThat(invitation.dueAt()).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
        harness.runUntil(Instant.parse("2026-11-28T00:00:00Z"));
        EmailMessage sent = harness.email.last();
        assertThat(sent.text().strip()).isEqualTo("invite:Water Bottle;photo please");
    }

    @Test
    void happyReviewWithAPhoto_invitesWithoutAskingForOne() {
        harness.arrive(event("policy-order-placed.json"));

        harness.arrive(set(review("issue4-review-5-stars.json", 4), "detail.hasMedia", true));
        harness.runUntil(Instant.parse("2026-11-28T00:00:00Z"));

        assertThat(harness.email.last().text().strip()).isEqualTo("invite:Water Bottle;no photo request");
    }

    @Test
    void anotherHappyReview_neverInvitesTheCustomerAgain() {
        // given: invited after the first five-star review
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("issue4-review-5-stars.json"));
        harness.runUntil(Instant.parse("2026-11-28T00:00:00Z"));

        // when: they love the shoe too, a week later
        Map<String, Object> second = at(event("issue4-review-5-stars.json"), "2026-12-03T14:00:00Z");
        set(second, "detail.reviewId", "rev-5003");
        set(second, "detail.productId", "p-510");
        EventOutcome outcome = harness.arrive(second);
        harness.runUntil(Instant.parse("2026-12-10T00:00:00Z"));

        // then
        assertThat(described(outcome)).containsExactly("loyalty-invitation/invite/email unchanged:sent");
        assertThat(emailTexts()).filteredOn(t -> t.startsWith("invite")).hasSize(1);
    }

    @Test
    void happyReviewFromAMember_doesNotInvite() {
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(at(event("issue4-loyalty-joined.json"), "2026-11-21T15:00:00Z"));

        EventOutcome outcome = harness.arrive(event("issue4-review-5-stars.json"));

        assertThat(outcome.messages()).isEmpty();
    }
}
