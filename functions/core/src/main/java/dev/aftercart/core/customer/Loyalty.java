package dev.aftercart.core.customer;

/** The customer's loyalty standing, as the loyalty programme last reported it. */
public record Loyalty(boolean member, String tier, long pointsBalance) {

    public static final Loyalty NONE = new Loyalty(false, null, 0);
}
