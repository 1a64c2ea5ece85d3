package dev.aftercart.core.customer;

/**
 * What the customer agreed to. Marketing is opt-in per channel. {@code smsTransactional} is
 * {@code null} until the store says; then order texts are allowed when a phone was given.
 */
public record Consent(boolean emailMarketing, boolean smsMarketing, Boolean smsTransactional) {

    public static final Consent NONE = new Consent(false, false, null);

    public boolean allowsTransactionalSms(boolean hasPhone) {
        return smsTransactional != null ? smsTransactional : hasPhone;
    }
}
