package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.preferences.PreferenceCenter;
import dev.aftercart.core.preferences.WebRequest;
import dev.aftercart.core.testing.EngineHarness;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the customer chose here against what the store's later events say. The customer, c-1001,
 * orders on 20 November agreeing to marketing email, then changes their mind through the links in
 * an email; the store keeps sending its own (often stale) copy of their consent.
 */
class CustomerConsentRecorderTest {

    private static final String CUSTOMER = "c-1001";

    private final EngineHarness harness = EngineHarness.create();
    private final PreferenceCenter preferences = harness.aftercart.preferences();

    private CustomerProfile profile() {
        return harness.customers.profile(CUSTOMER).orElseThrow();
    }

    private void orderedAgreeingToMarketingEmail() {
        harness.arrive(set(event("order-placed.json"), "detail.customer.consent.emailMarketing", true));
        assertThat(profile().consent().emailMarketing()).as("subscribed at checkout").isTrue();
    }

    private void unsubscribedByOneClick() {
        String token = harness.links.issue(CUSTOMER, LinkTokens.EMAIL_MARKETING);
        assertThat(preferences.handle(new WebRequest("POST", "/unsubscribe", Map.of("t", token),
                Map.of("List-Unsubscribe", "One-Click"))).status()).isEqualTo(200);
    }

    /** A second order two days later, whose checkout says the customer agreed to marketing by email and SMS. */
    private Map<String, Object> laterOrderSayingSubscribed() {
        Map<String, Object> order = at(event("order-placed.json"), "2026-11-22T10:00:00Z");
        set(order, "id", "order-1002");
        set(order, "detail.orderId", "o-1002");
        set(order, "detail.orderNumber", "#1002");
        set(order, "detail.placedAt", "2026-11-22T10:00:00Z");
        set(order, "detail.customer.consent.emailMarketing", true);
        set(order, "detail.customer.consent.smsMarketing", true);
        return order;
    }

    @Test
    void laterOrderSayingSubscribed_doesNotResubscribeACustomerWhoUnsubscribedHere() {
        // given
        orderedAgreeingToMarketingEmail();
        unsubscribedByOneClick();

        // when
        EventOutcome outcome = harness.arrive(laterOrderSayingSubscribed());

        // then: the order and the SMS consent are taken, marketing email stays off
        assertThat(outcome.state()).isEqualTo(RecordState.RECORDED);
        assertThat(harness.customers.order(CUSTOMER, "o-1002")).isPresent();
        Consent consent = profile().consent();
        assertThat(consent.emailMarketing()).isFalse();
        assertThat(consent.smsMarketing()).isTrue();
        assertThat(consent.withdrawnByCustomer()).containsExactly(Consent.EMAIL_MARKETING);
        assertThat(profile().updatedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void customerUpdatedSayingSubscribed_doesNotResubscribeEither() {
        orderedAgreeingToMarketingEmail();
        unsubscribedByOneClick();

        harness.arrive(event("customer-updated.json"));

        assertThat(profile().consent().emailMarketing()).isFalse();
        assertThat(profile().consent().smsTransactional()).isFalse();
    }

    @Test
    void customerWhoResubscribedOnThePage_isSubscribed_andHearsTheStoreAgain() {
        // given: unsubscribed, then ticked marketing email again on the page
        orderedAgreeingToMarketingEmail();
        unsubscribedByOneClick();
        preferences.handle(new WebRequest("POST", "/", Map.of(), Map.of("t",
                harness.links.issue(CUSTOMER, LinkTokens.PREFERENCES), "email_marketing", "on",
                "review_requests", "on", "loyalty_reminders", "on")));
        assertThat(profile().consent().emailMarketing()).isTrue();

        // when: the store later says no
        harness.arrive(set(laterOrderSayingSubscribed(), "detail.customer.consent.emailMarketing", false));

        // then
        assertThat(profile().consent().emailMarketing()).isFalse();
        assertThat(profile().consent().withdrawnByCustomer()).isEmpty();
    }

    @Test
    void topicsTurnedOffOnThePage_surviveCustomerUpdatedAndOrderPlaced() {
        // given: review requests turned off on the page
        orderedAgreeingToMarketingEmail();
        preferences.handle(new WebRequest("POST", "/", Map.of(), Map.of("t",
                harness.links.issue(CUSTOMER, LinkTokens.PREFERENCES), "email_marketing", "on",
                "loyalty_reminders", "on")));
        assertThat(profile().consent().topicsOff()).containsExactly("review_requests");

        // when
        EventOutcome updated = harness.arrive(event("customer-updated.json"));
        EventOutcome ordered = harness.arrive(laterOrderSayingSubscribed());

        // then: both were taken, and the topic is still off
        assertThat(updated.state()).isEqualTo(RecordState.RECORDED);
        assertThat(ordered.state()).isEqualTo(RecordState.RECORDED);
        assertThat(profile().consent().topicsOff()).containsExactly("review_requests");
        assertThat(profile().consent().emailMarketing()).isTrue();
        assertThat(profile().consent().smsMarketing()).isTrue();
    }
}
