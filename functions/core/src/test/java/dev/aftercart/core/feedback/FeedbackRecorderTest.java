package dev.aftercart.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.feedback.EmailFeedback.Type;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.policy.SendRules;
import dev.aftercart.core.testing.CapturedLog;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import dev.aftercart.core.testing.InMemoryMessageLedger;
import dev.aftercart.core.testing.InMemorySendingReputation;
import dev.aftercart.core.testing.MutableClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The email provider's feedback turned into state: suppression of the customer's current address
 * and the provider's word on the ledger entry of the message it is about. Customer c-1's address is
 * zephyrine.quill@example.com; message m-1 was sent to it on 20 November.
 */
class FeedbackRecorderTest {

    private static final String CUSTOMER = "c-1";
    private static final String ADDRESS = "zephyrine.quill@example.com";
    private static final Instant SENT_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T10:05:00Z");

    private final MutableClock clock = MutableClock.at(NOW.toString());
    private final InMemoryMessageLedger ledger = new InMemoryMessageLedger();
    private final InMemoryCustomerStore customers = new InMemoryCustomerStore(ledger);
    private final InMemorySendingReputation reputation = new InMemorySendingReputation(1000);

    FeedbackRecorderTest() {
        customers.saveProfile(Fixtures.profile(CUSTOMER).email(ADDRESS).build(), 0);
        ledger.insert(LedgerEntry.planned(CUSTOMER, "m-1", "order-confirmation", "confirm", Channel.EMAIL,
                MessageKind.TRANSACTIONAL, Map.of("orderId", "o-1"), SENT_AT, SENT_AT)
                .claimed(SENT_AT).sent("ses-1", null, SENT_AT));
    }

    private FeedbackRecorder recorder(boolean trackEngagement) {
        return new FeedbackRecorder(customers, ledger, reputation, SendRules.Reputation.DEFAULTS, trackEngagement, clock);
    }

    private static EmailFeedback feedback(Type type) {
        return new EmailFeedback(CUSTOMER, "m-1", type, ADDRESS, NOW);
    }

    private static EmailFeedback feedback(Type type, String recipient) {
        return new EmailFeedback(CUSTOMER, "m-1", type, recipient, NOW);
    }

    private CustomerProfile profile() {
        return customers.profile(CUSTOMER).orElseThrow();
    }

    private LedgerEntry message() {
        return ledger.find(CUSTOMER, "m-1").orElseThrow();
    }

    @Test
    void permanentBounce_suppressesTheAddress_andIsNotedOnTheMessage() {
        // given
        LedgerEntry before = message();

        // when
        recorder(false).record(feedback(Type.BOUNCED_PERMANENTLY));

        // then
        assertThat(profile().suppression()).isEqualTo(new Suppression(true, false, 0));
        assertThat(profile().version()).isEqualTo(2);
        assertThat(message().feedback()).isEqualTo("bounced_permanently");
        assertThat(message().status()).isEqualTo(MessageStatus.SENT);
        assertThat(message().updatedAt()).isEqualTo(NOW);
        assertThat(message().version()).isEqualTo(before.version() + 1);
    }

    @Test
    void complaint_suppressesTheAddress_andIsNotedOnTheMessage() {
        recorder(false).record(feedback(Type.COMPLAINED));

        assertThat(profile().suppression()).isEqualTo(new Suppression(false, true, 0));
        assertThat(message().feedback()).isEqualTo("complained");
    }

    @Test
    void feedback_matchesTheAddressWhateverItsCase() {
        recorder(false).record(feedback(Type.BOUNCED_PERMANENTLY, "Zephyrine.Quill@EXAMPLE.com"));

        assertThat(profile().suppression().emailHardBounced()).isTrue();
    }

    @Test
    void transientBounces_areCounted_andNotedOnTheMessage() {
        FeedbackRecorder recorder = recorder(false);

        for (int i = 0; i < 3; i++) {
            recorder.record(feedback(Type.BOUNCED_TRANSIENTLY));
        }

        assertThat(profile().suppression()).isEqualTo(new Suppression(false, false, 3));
        assertThat(message().feedback()).isEqualTo("bounced_transiently");
    }

    @Test
    void delivery_resetsTheTransientBounceCount_butNotAHardBounceOrComplaint() {
        // given
        customers.saveProfile(profile().withSuppression(new Suppression(false, true, 6)).withVersion(2), 1);

        // when
        recorder(false).record(feedback(Type.DELIVERED));

        // then
        assertThat(profile().suppression()).isEqualTo(new Suppression(false, true, 0));
    }

    @Test
    void delivery_withNoTransientBounces_leavesTheProfileUnwritten() {
        recorder(false).record(feedback(Type.DELIVERED));

        assertThat(profile().version()).isEqualTo(1);
    }

    @Test
    void sevenTransientBouncesInARow_reachTheLimit_unlessADeliveryCameBetween() {
        // given
        FeedbackRecorder recorder = recorder(false);
        for (int i = 0; i < 6; i++) {
            recorder.record(feedback(Type.BOUNCED_TRANSIENTLY));
        }
        recorder.record(feedback(Type.DELIVERED));
        for (int i = 0; i < 6; i++) {
            recorder.record(feedback(Type.BOUNCED_TRANSIENTLY));
        }
        assertThat(profile().suppression().softBouncesInARow()).isEqualTo(6);

        // when
        recorder.record(feedback(Type.BOUNCED_TRANSIENTLY));

        // then
        assertThat(profile().suppression().softBouncesInARow()).isEqualTo(SendRules.DEFAULTS.softBounceLimit());
    }

    @ParameterizedTest
    @EnumSource(value = Type.class, names = {"BOUNCED_PERMANENTLY", "BOUNCED_TRANSIENTLY", "COMPLAINED"})
    void feedbackAboutAnAddressTheProfileNoLongerHas_leavesTheProfileAlone_butIsNotedOnTheMessage(Type type) {
        // given: the customer changed address after the message went
        CustomerProfile before = profile();

        // when
        recorder(false).record(feedback(type, "old.address@example.com"));

        // then
        assertThat(profile()).isEqualTo(before);
        assertThat(message().feedback()).isEqualTo(type.id());
    }

    @Test
    void feedbackWithoutARecipient_leavesTheProfileAlone() {
        CustomerProfile before = profile();

        recorder(false).record(feedback(Type.BOUNCED_PERMANENTLY, null));

        assertThat(profile()).isEqualTo(before);
    }

    @Test
    void feedbackForACustomerWithoutAnAddress_leavesTheProfileAlone() {
        customers.saveProfile(Fixtures.profile("c-2").email(null).build(), 0);

        recorder(false).record(new EmailFeedback("c-2", "m-9", Type.COMPLAINED, ADDRESS, NOW));

        assertThat(customers.profile("c-2").orElseThrow().suppression()).isEqualTo(Suppression.NONE);
    }

    @Test
    void feedbackWithoutTags_changesNothing_andSaysSoWithoutTheAddress() {
        CustomerProfile before = profile();
        LedgerEntry message = message();

        try (CapturedLog log = CapturedLog.start()) {
            recorder(true).record(new EmailFeedback(null, "m-long-id", Type.BOUNCED_PERMANENTLY, ADDRESS, NOW));

            assertThat(log.text()).contains("\"event\":\"feedback_without_customer\"", "\"messageId\":\"m-long-id\"",
                    "\"FeedbackWithoutCustomer\"").doesNotContain(ADDRESS);
        }
        assertThat(profile()).isEqualTo(before);
        assertThat(message()).isEqualTo(message);
    }

    @Test
    void feedbackForAMessageNotInTheLedger_stillSuppressesTheAddress() {
        recorder(false).record(new EmailFeedback(CUSTOMER, "m-erased", Type.BOUNCED_PERMANENTLY, ADDRESS, NOW));

        assertThat(profile().suppression().emailHardBounced()).isTrue();
        assertThat(ledger.find(CUSTOMER, "m-erased")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Type.class, names = {"DELIVERED", "OPENED", "CLICKED"})
    void engagement_isNotedOnTheMessage_whenTracked(Type type) {
        recorder(true).record(feedback(type));

        assertThat(message().feedback()).isEqualTo(type.id());
        assertThat(message().status()).isEqualTo(MessageStatus.SENT);
    }

    @ParameterizedTest
    @EnumSource(value = Type.class, names = {"SENT", "DELIVERED", "OPENED", "CLICKED"})
    void engagement_isNotWritten_whenNotTracked(Type type) {
        LedgerEntry before = message();

        recorder(false).record(feedback(type));

        assertThat(message()).isEqualTo(before);
    }

    @Test
    void sent_isNeverNotedOnTheMessage_evenWhenTracked() {
        LedgerEntry before = message();

        recorder(true).record(feedback(Type.SENT));

        assertThat(message()).isEqualTo(before);
        assertThat(profile().version()).isEqualTo(1);
    }

    @Test
    void bounceAfterAnOpen_replacesTheNotedFeedback() {
        FeedbackRecorder recorder = recorder(true);

        recorder.record(feedback(Type.OPENED));
        recorder.record(feedback(Type.COMPLAINED));

        assertThat(message().feedback()).isEqualTo("complained");
    }

    /** EventBridge does not keep order: an open SES published before the complaint may arrive after it. */
    @Test
    void aDeliveryOrOpenArrivingLate_neverReplacesAComplaintOrPermanentBounce() {
        FeedbackRecorder recorder = recorder(true);

        recorder.record(feedback(Type.COMPLAINED));
        recorder.record(feedback(Type.DELIVERED));
        recorder.record(feedback(Type.OPENED));
        recorder.record(feedback(Type.BOUNCED_PERMANENTLY));

        assertThat(message().feedback()).isEqualTo("complained");
    }

    @Test
    void aDeliveryAfterATransientBounce_replacesIt_forSesRetriedAndDelivered() {
        FeedbackRecorder recorder = recorder(true);

        recorder.record(feedback(Type.BOUNCED_TRANSIENTLY));
        recorder.record(feedback(Type.DELIVERED));

        assertThat(message().feedback()).isEqualTo("delivered");
    }

    @Test
    void aNoteAlreadyOnTheMessage_isReplacedAtItsCurrentVersion() {
        FeedbackRecorder recorder = recorder(true);
        LedgerEntry before = message();
        ledger.update(before.withFeedback("delivered", NOW), before.version());

        recorder.record(feedback(Type.COMPLAINED));

        assertThat(message().feedback()).isEqualTo("complained");
    }
}
