package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Deliveries.EN;
import static dev.aftercart.core.testing.Deliveries.FIRST_PARCEL;
import static dev.aftercart.core.testing.Deliveries.SECOND_PARCEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.preferences.ConsentChanges;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.preferences.WebRequest;
import dev.aftercart.core.preferences.WebResponse;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.testing.Deliveries;
import dev.aftercart.core.testing.EngineHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One-click unsubscribe in the middle of an order's journey, with the shipped journeys and
 * templates. Zephyrine (c-1001, London) orders on 20 November agreeing to marketing email; the
 * order ships in two parcels. The first is delivered on the 23rd, which schedules its review
 * request for the 30th. That evening she unsubscribes from marketing email with one click. The
 * second parcel travels and arrives on the 25th, which would bring product tips on the 27th and a
 * review request of its own.
 */
class UnsubscribeScenarioTest {

    private static final String CUSTOMER = EN.customerId();
    private static final Instant UNSUBSCRIBED_AT = Instant.parse("2026-11-23T19:00:00Z");

    private final EngineHarness harness = EngineHarness.create();
    private final Deliveries deliveries = new Deliveries(harness);

    private List<LedgerEntry> entries(MessageKind kind) {
        return harness.ledger.forCustomer(CUSTOMER).stream().filter(e -> e.kind() == kind).toList();
    }

    private WebResponse unsubscribeWithOneClick() {
        harness.clock.set(UNSUBSCRIBED_AT);
        String token = harness.links.issue(CUSTOMER, LinkTokens.EMAIL_MARKETING);
        return harness.aftercart.preferences().handle(new WebRequest("POST", "/preferences/unsubscribe",
                Map.of("t", token), Map.of("List-Unsubscribe", "One-Click")));
    }

    @Test
    void unsubscribingMidJourney_stopsEveryMarketingEmail_whileOrderAndShippingUpdatesGoOn() {
        // given: ordered, first parcel delivered, its review request waiting
        deliveries.placeOrderWithMarketingConsent(EN.order());
        deliveries.shipParcel(EN, FIRST_PARCEL, "in_transit", "2026-11-21T09:00:00Z");
        deliveries.shipParcel(EN, FIRST_PARCEL, "delivered", "2026-11-23T11:00:00Z");
        assertThat(harness.waiting()).extracting(s -> s.at().toString())
                .containsExactly("2026-11-30T10:00:00Z", "2026-12-05T10:00:00Z");
        int emailsBefore = harness.email.count();
        int textsBefore = harness.sms.count();

        // when: she unsubscribes, the second parcel travels and arrives, and the clock runs to the new year
        WebResponse unsubscribed = unsubscribeWithOneClick();
        deliveries.shipParcel(EN, SECOND_PARCEL, "in_transit", "2026-11-24T09:00:00Z");
        deliveries.shipParcel(EN, SECOND_PARCEL, "out_for_delivery", "2026-11-25T07:30:00Z");
        deliveries.shipParcel(EN, SECOND_PARCEL, "delivered", "2026-11-25T14:00:00Z");
        harness.runUntil(Instant.parse("2027-01-01T00:00:00Z"));

        // then: the click worked and was announced to the store
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(harness.events.published()).filteredOn(e -> e.detailType().equals(ConsentChanges.DETAIL_TYPE))
                .singleElement().satisfies(e -> assertThat(e.detail()).containsEntry("emailMarketing", false)
                        .containsEntry("via", "unsubscribe_link"));

        // and: no marketing email went; each one is in the ledger as skipped for want of consent
        assertThat(entries(MessageKind.MARKETING))
                .extracting(e -> e.journeyId() + "/" + e.stepId(), LedgerEntry::channel, LedgerEntry::status,
                        LedgerEntry::reason)
                .containsExactlyInAnyOrder(
                        tuple("review-request/request", Channel.EMAIL, MessageStatus.SKIPPED, "no_email_marketing_consent"),
                        tuple("review-request/reminder", Channel.EMAIL, MessageStatus.SKIPPED, "no_email_marketing_consent"),
                        tuple("review-request/request", Channel.EMAIL, MessageStatus.SKIPPED, "no_email_marketing_consent"),
                        tuple("review-request/reminder", Channel.EMAIL, MessageStatus.SKIPPED, "no_email_marketing_consent"),
                        tuple("product-tips/tips", Channel.EMAIL, MessageStatus.SKIPPED, "no_email_marketing_consent"));
        assertThat(harness.email.messages()).extracting(EmailMessage::headers).allMatch(Map::isEmpty);

        // and: every order and shipping update was sent, by email and by text, after the click too
        assertThat(entries(MessageKind.TRANSACTIONAL)).allMatch(e -> e.status() == MessageStatus.SENT);
        List<EmailMessage> emailsAfter = harness.email.messages().subList(emailsBefore, harness.email.count());
        List<SmsMessage> textsAfter = harness.sms.messages().subList(textsBefore, harness.sms.count());
        assertThat(emailsAfter).hasSize(3).allMatch(m -> m.tags().get("journey").equals("shipping-updates"));
        assertThat(textsAfter).hasSize(2).allMatch(m -> m.journeyId().equals("shipping-updates")
                && m.kind() == MessageKind.TRANSACTIONAL);
        assertThat(harness.ledger.forCustomer(CUSTOMER)).filteredOn(e -> e.journeyId().equals("shipping-updates")
                        && "s-1001-2".equals(e.subject().get("shipmentId")))
                .extracting(e -> e.stepId() + "/" + e.subject().get("status"), LedgerEntry::status)
                .containsExactlyInAnyOrder(
                        tuple("email/in_transit", MessageStatus.SENT),
                        tuple("email/out_for_delivery", MessageStatus.SENT),
                        tuple("sms-out-for-delivery/out_for_delivery", MessageStatus.SENT),
                        tuple("email/delivered", MessageStatus.SENT),
                        tuple("sms/delivered", MessageStatus.SENT));
        assertThat(harness.waiting()).isEmpty();
    }

    @Test
    void withoutTheClick_theSameJourneySendsTheMarketingEmails() {
        // given: the same order and deliveries, and no unsubscribe
        deliveries.placeOrderWithMarketingConsent(EN.order());
        deliveries.shipParcel(EN, FIRST_PARCEL, "delivered", "2026-11-23T11:00:00Z");
        deliveries.shipParcel(EN, SECOND_PARCEL, "delivered", "2026-11-25T14:00:00Z");

        // when
        harness.runUntil(Instant.parse("2027-01-01T00:00:00Z"));

        // then: the marketing went out, each with one-click unsubscribe headers
        assertThat(entries(MessageKind.MARKETING))
                .extracting(e -> e.journeyId() + "/" + e.stepId(), LedgerEntry::status, LedgerEntry::reason)
                .containsExactlyInAnyOrder(
                        tuple("review-request/request", MessageStatus.SENT, null),
                        tuple("review-request/reminder", MessageStatus.SENT, null),
                        tuple("review-request/request", MessageStatus.SENT, null),
                        tuple("review-request/reminder", MessageStatus.SENT, null),
                        tuple("product-tips/tips", MessageStatus.SENT, null));
        assertThat(harness.email.messages()).filteredOn(m -> !m.headers().isEmpty())
                .hasSize(5)
                .allMatch(m -> m.headers().get("List-Unsubscribe-Post").equals("List-Unsubscribe=One-Click"));
    }
}
