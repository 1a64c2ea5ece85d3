package dev.aftercart.core.engine;

import java.time.ZoneId;

/**
 * What a deployment says about its store. Each field arrives from one template parameter.
 *
 * @param fromAddress the verified SES identity messages are sent from
 * @param postalAddress printed in every email footer, as CAN-SPAM requires
 * @param subscribeUrl where the mailing-list offer leads
 * @param preferencesUrl the preference page every email links to
 * @param defaultTimeZone for customers whose time zone is unknown
 * @param defaultLocale for customers whose locale is unknown, e.g. {@code en-US}
 */
public record StoreSettings(
        String name,
        String url,
        String supportEmail,
        String postalAddress,
        String fromAddress,
        String subscribeUrl,
        String preferencesUrl,
        ZoneId defaultTimeZone,
        String defaultLocale) {
}
