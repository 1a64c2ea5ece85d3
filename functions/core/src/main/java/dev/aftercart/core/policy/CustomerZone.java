package dev.aftercart.core.policy;

import dev.aftercart.core.customer.CustomerProfile;
import java.time.ZoneId;
import java.util.Map;

/**
 * The time zone a customer's quiet hours and "10:00 local" are counted in: the profile's own;
 * else its US state's; else the phone's country, where the country has one zone; else the
 * store's default.
 */
public final class CustomerZone {

    /** Each state's most populous zone: a state that spans two is counted in the one most of it uses. */
    private static final Map<String, String> US_STATES = Map.ofEntries(
            Map.entry("US-AL", "America/Chicago"), Map.entry("US-AK", "America/Anchorage"),
            Map.entry("US-AZ", "America/Phoenix"), Map.entry("US-AR", "America/Chicago"),
            Map.entry("US-CA", "America/Los_Angeles"), Map.entry("US-CO", "America/Denver"),
            Map.entry("US-CT", "America/New_York"), Map.entry("US-DE", "America/New_York"),
            Map.entry("US-DC", "America/New_York"), Map.entry("US-FL", "America/New_York"),
            Map.entry("US-GA", "America/New_York"), Map.entry("US-HI", "Pacific/Honolulu"),
            Map.entry("US-ID", "America/Boise"), Map.entry("US-IL", "America/Chicago"),
            Map.entry("US-IN", "America/Indiana/Indianapolis"), Map.entry("US-IA", "America/Chicago"),
            Map.entry("US-KS", "America/Chicago"), Map.entry("US-KY", "America/New_York"),
            Map.entry("US-LA", "America/Chicago"), Map.entry("US-ME", "America/New_York"),
            Map.entry("US-MD", "America/New_York"), Map.entry("US-MA", "America/New_York"),
            Map.entry("US-MI", "America/Detroit"), Map.entry("US-MN", "America/Chicago"),
            Map.entry("US-MS", "America/Chicago"), Map.entry("US-MO", "America/Chicago"),
            Map.entry("US-MT", "America/Denver"), Map.entry("US-NE", "America/Chicago"),
            Map.entry("US-NV", "America/Los_Angeles"), Map.entry("US-NH", "America/New_York"),
            Map.entry("US-NJ", "America/New_York"), Map.entry("US-NM", "America/Denver"),
            Map.entry("US-NY", "America/New_York"), Map.entry("US-NC", "America/New_York"),
            Map.entry("US-ND", "America/Chicago"), Map.entry("US-OH", "America/New_York"),
            Map.entry("US-OK", "America/Chicago"), Map.entry("US-OR", "America/Los_Angeles"),
            Map.entry("US-PA", "America/New_York"), Map.entry("US-RI", "America/New_York"),
            Map.entry("US-SC", "America/New_York"), Map.entry("US-SD", "America/Chicago"),
            Map.entry("US-TN", "America/Chicago"), Map.entry("US-TX", "America/Chicago"),
            Map.entry("US-UT", "America/Denver"), Map.entry("US-VT", "America/New_York"),
            Map.entry("US-VA", "America/New_York"), Map.entry("US-WA", "America/Los_Angeles"),
            Map.entry("US-WV", "America/New_York"), Map.entry("US-WI", "America/Chicago"),
            Map.entry("US-WY", "America/Denver"), Map.entry("US-PR", "America/Puerto_Rico"));

    /** Calling codes of countries with one time zone; +1, +7, +55, +61 and others span several, so they are absent. */
    private static final Map<String, String> CALLING_CODES = Map.ofEntries(
            Map.entry("82", "Asia/Seoul"), Map.entry("66", "Asia/Bangkok"), Map.entry("81", "Asia/Tokyo"),
            Map.entry("86", "Asia/Shanghai"), Map.entry("852", "Asia/Hong_Kong"), Map.entry("886", "Asia/Taipei"),
            Map.entry("65", "Asia/Singapore"), Map.entry("60", "Asia/Kuala_Lumpur"), Map.entry("63", "Asia/Manila"),
            Map.entry("84", "Asia/Ho_Chi_Minh"), Map.entry("91", "Asia/Kolkata"), Map.entry("971", "Asia/Dubai"),
            Map.entry("972", "Asia/Jerusalem"), Map.entry("90", "Europe/Istanbul"), Map.entry("44", "Europe/London"),
            Map.entry("353", "Europe/Dublin"), Map.entry("33", "Europe/Paris"), Map.entry("49", "Europe/Berlin"),
            Map.entry("39", "Europe/Rome"), Map.entry("34", "Europe/Madrid"), Map.entry("31", "Europe/Amsterdam"),
            Map.entry("32", "Europe/Brussels"), Map.entry("41", "Europe/Zurich"), Map.entry("43", "Europe/Vienna"),
            Map.entry("45", "Europe/Copenhagen"), Map.entry("46", "Europe/Stockholm"), Map.entry("47", "Europe/Oslo"),
            Map.entry("358", "Europe/Helsinki"), Map.entry("48", "Europe/Warsaw"), Map.entry("30", "Europe/Athens"),
            Map.entry("420", "Europe/Prague"), Map.entry("36", "Europe/Budapest"), Map.entry("40", "Europe/Bucharest"),
            Map.entry("64", "Pacific/Auckland"), Map.entry("27", "Africa/Johannesburg"), Map.entry("234", "Africa/Lagos"),
            Map.entry("254", "Africa/Nairobi"), Map.entry("20", "Africa/Cairo"), Map.entry("966", "Asia/Riyadh"));

    private CustomerZone() {
    }

    public static ZoneId of(CustomerProfile profile, ZoneId storeDefault) {
        if (profile.timeZone() != null) {
            return ZoneId.of(profile.timeZone());
        }
        if (profile.region() != null && US_STATES.containsKey(profile.region())) {
            return ZoneId.of(US_STATES.get(profile.region()));
        }
        if (profile.phone() != null) {
            String digits = profile.phone().substring(1);
            for (int length = 3; length >= 1; length--) {
                String zone = digits.length() > length ? CALLING_CODES.get(digits.substring(0, length)) : null;
                if (zone != null) {
                    return ZoneId.of(zone);
                }
            }
        }
        return storeDefault;
    }
}
