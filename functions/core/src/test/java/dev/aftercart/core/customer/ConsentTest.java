package dev.aftercart.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Consent as the customer and the store each change it: a withdrawal the customer made here sticks
 * against the store's word, until the customer turns the channel back on here.
 */
class ConsentTest {

    private static final Consent SUBSCRIBED = new Consent(true, true, null);

    @Test
    void withEmailMarketingOff_recordsTheCustomersWithdrawal() {
        Consent next = SUBSCRIBED.withEmailMarketing(false);

        assertThat(next.emailMarketing()).isFalse();
        assertThat(next.smsMarketing()).isTrue();
        assertThat(next.withdrawnByCustomer()).containsExactly(Consent.EMAIL_MARKETING);
    }

    @Test
    void fromStore_sayingEmailIsAllowed_doesNotUndoTheCustomersWithdrawal() {
        // given
        Consent withdrawn = SUBSCRIBED.withEmailMarketing(false);

        // when: the store's stale copy says "subscribed"
        Consent next = withdrawn.fromStore(true, null, null);

        // then
        assertThat(next.emailMarketing()).isFalse();
        assertThat(next.withdrawnByCustomer()).containsExactly(Consent.EMAIL_MARKETING);
    }

    @Test
    void fromStore_sayingSmsIsAllowed_doesNotUndoTheCustomersStop() {
        Consent stopped = SUBSCRIBED.withSmsMarketing(false);

        Consent next = stopped.fromStore(null, true, null);

        assertThat(next.smsMarketing()).isFalse();
        assertThat(next.withdrawnByCustomer()).containsExactly(Consent.SMS_MARKETING);
    }

    @Test
    void aWithdrawalOfOneChannel_doesNotBlockTheStoreTurningOnTheOther() {
        Consent emailWithdrawn = new Consent(true, false, null).withEmailMarketing(false);

        Consent next = emailWithdrawn.fromStore(true, true, null);

        assertThat(next.emailMarketing()).isFalse();
        assertThat(next.smsMarketing()).isTrue();
    }

    @Test
    void customerTurningEmailBackOn_clearsTheWithdrawal_soTheStoreIsHeardAgain() {
        // given
        Consent resubscribed = SUBSCRIBED.withEmailMarketing(false).withEmailMarketing(true);

        // when
        Consent storeSaysNo = resubscribed.fromStore(false, null, null);
        Consent storeSaysYes = storeSaysNo.fromStore(true, null, null);

        // then
        assertThat(resubscribed.emailMarketing()).isTrue();
        assertThat(resubscribed.withdrawnByCustomer()).isEmpty();
        assertThat(storeSaysNo.emailMarketing()).isFalse();
        assertThat(storeSaysYes.emailMarketing()).isTrue();
    }

    @Test
    void fromStore_appliesBothWays_toAChannelTheCustomerNeverWithdrew() {
        Consent none = new Consent(false, false, null);

        Consent on = none.fromStore(true, true, null);
        Consent off = on.fromStore(false, false, null);

        assertThat(on.emailMarketing()).isTrue();
        assertThat(on.smsMarketing()).isTrue();
        assertThat(off.emailMarketing()).isFalse();
        assertThat(off.smsMarketing()).isFalse();
        assertThat(off.withdrawnByCustomer()).isEmpty();
    }

    @Test
    void fromStore_sayingNothing_keepsEverything() {
        Consent current = new Consent(true, false, false, Set.of("review_requests"), Set.of(Consent.SMS_MARKETING));

        assertThat(current.fromStore(null, null, null)).isEqualTo(current);
    }

    @Test
    void fromStore_sayingNo_toAWithdrawnChannel_keepsItWithdrawn() {
        Consent withdrawn = SUBSCRIBED.withEmailMarketing(false);

        Consent next = withdrawn.fromStore(false, null, null).fromStore(true, null, null);

        assertThat(next.emailMarketing()).isFalse();
    }

    @Test
    void fromStore_setsTransactionalSms_andKeepsTheTopicsTurnedOff() {
        Consent current = new Consent(true, false, null, Set.of("loyalty_reminders"), Set.of());

        Consent next = current.fromStore(null, null, false);

        assertThat(next.smsTransactional()).isFalse();
        assertThat(next.topicsOff()).containsExactly("loyalty_reminders");
        assertThat(next.fromStore(null, null, null).smsTransactional()).isFalse();
    }

    @Test
    void settingAChannelToWhatItIs_isANoOp() {
        assertThat(SUBSCRIBED.withEmailMarketing(true)).isSameAs(SUBSCRIBED);
        assertThat(SUBSCRIBED.withSmsMarketing(true)).isSameAs(SUBSCRIBED);
        Consent none = new Consent(false, false, null);
        assertThat(none.withEmailMarketing(false)).isSameAs(none);
        assertThat(none.withEmailMarketing(false).withdrawnByCustomer()).isEmpty();
    }

    @Test
    void withTopicsOff_replacesTheTopics_andKeepsChannelsAndWithdrawals() {
        Consent current = new Consent(false, true, true, Set.of("review_requests"), Set.of(Consent.EMAIL_MARKETING));

        Consent next = current.withTopicsOff(Set.of("loyalty_reminders"));

        assertThat(next).isEqualTo(new Consent(false, true, true, Set.of("loyalty_reminders"),
                Set.of(Consent.EMAIL_MARKETING)));
        assertThat(next.allowsTopic("review_requests")).isTrue();
        assertThat(next.allowsTopic("loyalty_reminders")).isFalse();
        assertThat(next.allowsTopic(null)).isTrue();
    }

    @Test
    void missingSets_areEmpty() {
        Consent consent = new Consent(true, false, null, null, null);

        assertThat(consent.topicsOff()).isEmpty();
        assertThat(consent.withdrawnByCustomer()).isEmpty();
        assertThat(consent).isEqualTo(new Consent(true, false, null));
    }

    @Test
    void stop_whileMarketingTextsWereOff_stillSticksAgainstTheStore_andStartGrantsNothing() {
        Consent off = new Consent(true, false, true);

        Consent stopped = off.withdrawSmsMarketing();
        Consent started = stopped.restoreSmsMarketing();

        assertThat(stopped.smsMarketing()).isFalse();
        assertThat(stopped.withdrawnByCustomer()).containsExactly(Consent.SMS_MARKETING_STOPPED);
        assertThat(stopped.fromStore(null, true, null).smsMarketing()).as("a stale 'subscribed' from the store").isFalse();
        assertThat(stopped.withdrawSmsMarketing()).isSameAs(stopped);
        assertThat(started.smsMarketing()).as("START never consents to what was not agreed").isFalse();
        assertThat(started.withdrawnByCustomer()).isEmpty();
        assertThat(started.fromStore(null, true, null).smsMarketing()).as("the store speaks for them again").isTrue();
    }

    @Test
    void stop_thenStart_restoresMarketingTextsTheCustomerHadAgreedTo() {
        Consent on = new Consent(true, true, true);

        Consent stopped = on.withdrawSmsMarketing();

        assertThat(stopped.smsMarketing()).isFalse();
        assertThat(stopped.withdrawnByCustomer()).containsExactly(Consent.SMS_MARKETING);
        assertThat(stopped.fromStore(null, true, null).smsMarketing()).isFalse();
        assertThat(stopped.restoreSmsMarketing()).isEqualTo(on);
        assertThat(on.restoreSmsMarketing()).isSameAs(on);
    }

    @Test
    void theCustomersOwnYesOnThePage_clearsAStop() {
        Consent stopped = new Consent(true, false, true).withdrawSmsMarketing();

        Consent yes = stopped.withSmsMarketing(true);

        assertThat(yes.smsMarketing()).isTrue();
        assertThat(yes.withdrawnByCustomer()).isEmpty();
    }
}
