package dev.aftercart.core.engine;

import java.time.ZoneId;

/**
 * What a deployment says about its store. Each field arrives from one template parameter.
 *
 * @param fromAddress the verified SES identity messages are sent from
 * @param postalAddress printed in every email footer, as CAN-SPAM requires
 * @param subscribeUrl where the mailing-list offer leads
 * @param preferencesUrl the base URL of the preferences function (its Function URL, or the store's
 *     own domain in front of it); every email links to its page, marketing email to its one-click
 *     unsubscribe
 * @param defaultTimeZone for customers whose time zone is unknown
 * @param defaultLocale for customers whose locale is unknown, e.g. {@code en-US}
 * @param unsubscribeMailto the address the {@code mailto:} of {@code List-Unsubscribe} writes to, for
 *     mail clients that do not do one-click; {@code null} or blank: the support address
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
        String defaultLocale,
        String unsubscribeMailto) {

    public StoreSettings {
        if (preferencesUrl != null && !preferencesUrl.endsWith("/")) {
            preferencesUrl = preferencesUrl + "/";
        }
        if (unsubscribeMailto == null || unsubscribeMailto.isBlank()) {
            unsubscribeMailto = supportEmail;
        }
    }

    public StoreSettings(String name, String url, String supportEmail, String postalAddress, String fromAddress,
            String subscribeUrl, String preferencesUrl, ZoneId defaultTimeZone, String defaultLocale) {
        this(name, url, supportEmail, postalAddress, fromAddress, subscribeUrl, preferencesUrl, defaultTimeZone,
                defaultLocale, null);
    }
}
