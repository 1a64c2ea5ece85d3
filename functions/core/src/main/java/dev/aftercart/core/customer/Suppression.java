package dev.aftercart.core.customer;

/**
 * Why the current email address must not be mailed, as SES feedback reported it: a permanent
 * bounce, a complaint, or transient bounces in a row (reset by a delivery). It belongs to the
 * address: a new address starts clean.
 */
public record Suppression(boolean emailHardBounced, boolean emailComplained, int softBouncesInARow) {

    public static final Suppression NONE = new Suppression(false, false, 0);

    public Suppression(boolean emailHardBounced, boolean emailComplained) {
        this(emailHardBounced, emailComplained, 0);
    }
}
