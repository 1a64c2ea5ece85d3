package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.event.ReviewSubmitted;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A review is kept on the customer's profile, per product; a review older than the one kept is stale. */
class ReviewRecorderTest {

    private static final Instant REVIEWED_AT = Instant.parse("2026-11-26T16:00:00Z");

    private final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final Recorder recorder = new Recorder(customers, new InMemoryCatalog());

    /** The one-star review of p-520 by c-5001, at {@code occurredAt}, rated {@code rating}. */
    private static ReviewSubmitted review(String productId, int rating, String occurredAt) {
        Map<String, Object> envelope = Fixtures.at(event("issue4-review-1-star.json"), occurredAt);
        set(envelope, "detail.productId", productId);
        set(envelope, "detail.rating", BigDecimal.valueOf(rating));
        return Fixtures.reviewSubmitted(envelope);
    }

    private CustomerProfile profile() {
        return customers.profile("c-5001").orElseThrow();
    }

    private void storedProfile() {
        assertThat(customers.saveProfile(Fixtures.profile("c-5001").build(), 0)).isTrue();
    }

    @Test
    void review_isKeptPerProduct_withItsRatingAndTime_andLeavesTheProfilesUpdateTime() {
        // given
        storedProfile();
        Instant profileUpdatedAt = profile().updatedAt();

        // when
        Recording recording = recorder.record(review("p-520", 1, REVIEWED_AT.toString()));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(profile().engagement().reviews()).containsExactly(
                Map.entry("p-520", new Engagement.ProductReview(1, REVIEWED_AT)));
        assertThat(profile().version()).isEqualTo(2);
        assertThat(profile().updatedAt()).isEqualTo(profileUpdatedAt);
    }

    @Test
    void review_ofAnotherProduct_keepsTheReviewsAlreadyKept() {
        storedProfile();
        recorder.record(review("p-520", 1, REVIEWED_AT.toString()));

        recorder.record(review("p-510", 5, REVIEWED_AT.plusSeconds(60).toString()));

        assertThat(profile().engagement().reviews()).containsOnlyKeys("p-520", "p-510");
        assertThat(profile().engagement().reviews().get("p-520").rating()).isEqualTo(1);
    }

    @Test
    void review_newerThanTheKeptOneOfThatProduct_replacesIt() {
        storedProfile();
        recorder.record(review("p-520", 1, REVIEWED_AT.toString()));

        Recording recording = recorder.record(review("p-520", 4, "2026-11-27T09:00:00Z"));

        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(profile().engagement().reviews().get("p-520"))
                .isEqualTo(new Engagement.ProductReview(4, Instant.parse("2026-11-27T09:00:00Z")));
    }

    @Test
    void review_olderThanTheKeptOneOfThatProduct_isStale_andChangesNothing() {
        // given
        storedProfile();
        recorder.record(review("p-520", 4, "2026-11-27T09:00:00Z"));
        CustomerProfile before = profile();

        // when: the earlier one-star review arrives late
        Recording recording = recorder.record(review("p-520", 1, REVIEWED_AT.toString()));

        // then
        assertThat(recording.state()).isEqualTo(RecordState.STALE);
        assertThat(profile()).isEqualTo(before);
    }

    @Test
    void sameReviewDeliveredTwice_isADuplicate_notStale() {
        // given
        storedProfile();
        ReviewSubmitted review = review("p-520", 1, REVIEWED_AT.toString());
        recorder.record(review);
        CustomerProfile before = profile();

        // when
        Recording again = recorder.record(review);

        // then: a re-delivered event is a duplicate, which the engine still plans (idempotently), not stale news
        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(profile()).isEqualTo(before);
    }

    @Test
    void review_fromACustomerNotYetKnown_startsTheirProfile() {
        Recording recording = recorder.record(review("p-520", 1, REVIEWED_AT.toString()));

        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(profile().engagement().reviews()).containsOnlyKeys("p-520");
        assertThat(profile().email()).isNull();
    }

    @Test
    void review_namingAKnownOrder_carriesTheOrder() {
        storedProfile();
        assertThat(customers.saveOrder(Fixtures.order("c-5001", "o-5001",
                Fixtures.item("p-520", "Merino Socks", 2, "12.50", "USD")), 0)).isTrue();

        Recording recording = recorder.record(review("p-520", 1, REVIEWED_AT.toString()));

        assertThat(recording.order()).isNotNull();
        assertThat(recording.order().orderId()).isEqualTo("o-5001");
    }

    @Test
    void review_namingAnOrderNotRecorded_isStillRecorded_withoutAnOrder() {
        storedProfile();

        Recording recording = recorder.record(review("p-520", 1, REVIEWED_AT.toString()));

        assertThat(recording.state()).isEqualTo(RecordState.RECORDED);
        assertThat(recording.order()).isNull();
    }
}
