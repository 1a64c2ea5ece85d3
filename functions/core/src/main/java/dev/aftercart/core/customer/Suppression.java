package dev.aftercart.core.customer;

/**
 * Why the current email address must not be mailed at all, as SES feedback reported it.
 * It belongs to the address: a new address starts clean.
 */
public record Suppression(boolean emailHardBounced, boolean emailComplained) {

    public static final Suppression NONE = new Suppression(false, false);
}
