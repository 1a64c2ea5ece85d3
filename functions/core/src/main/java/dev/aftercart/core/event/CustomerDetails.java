package dev.aftercart.core.event;

/**
 * The customer object of {@code Order Placed} and {@code Customer Updated}. Fields other than
 * {@code customerId} may be {@code null}: not given, so what is already known stays.
 */
public record CustomerDetails(
        String customerId,
        String email,
        String phone,
        String firstName,
        String locale,
        String timeZone,
        String region,
        ConsentDetails consent) {
}
