package dev.aftercart.aws.wiring;

import dev.aftercart.core.engine.StoreSettings;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * A function's configuration, read once from its environment. Every name here is set by
 * {@code template.yaml}; a test proves it.
 *
 * @param scheduleDeadLetterArn where Scheduler puts a dispatch it could not deliver; may be null
 * @param eventBusName the bus Aftercart publishes its own events to, by name or ARN ({@code default} for
 *     the account's default bus)
 * @param smsOriginationNumber and {@code smsSenderId} are optional: SNS picks one when unset
 * @param linkSecretId the Secrets Manager secret (ARN or name) whose string signs unsubscribe and
 *     preference links; read on first use only
 * @param linkLifetime how long a link in an email keeps working
 * @param trackEngagement whether SES deliveries, opens and clicks are written to the ledger
 */
public record AftercartConfig(
        String tableName,
        String configurationSet,
        String smsOriginationNumber,
        String smsSenderId,
        String scheduleGroup,
        String schedulerRoleArn,
        String dispatchTargetArn,
        String scheduleDeadLetterArn,
        String eventBusName,
        String linkSecretId,
        java.time.Duration linkLifetime,
        boolean trackEngagement,
        StoreSettings store) {

    public static AftercartConfig from(Env env) {
        String zone = env.optional("DEFAULT_TIME_ZONE", "UTC");
        ZoneId defaultZone;
        try {
            defaultZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("environment variable DEFAULT_TIME_ZONE must be an IANA time zone id", e);
        }
        StoreSettings store = new StoreSettings(
                env.required("STORE_NAME"),
                env.required("STORE_URL"),
                env.required("STORE_SUPPORT_EMAIL"),
                env.required("STORE_POSTAL_ADDRESS"),
                env.required("EMAIL_FROM_ADDRESS"),
                env.optional("STORE_SUBSCRIBE_URL", env.required("STORE_URL")),
                env.optional("PREFERENCES_URL"),
                defaultZone,
                env.optional("DEFAULT_LOCALE", "en-US"),
                env.optional("UNSUBSCRIBE_MAILTO"));
        return new AftercartConfig(
                env.required("TABLE_NAME"),
                env.required("SES_CONFIGURATION_SET"),
                env.optional("SMS_ORIGINATION_NUMBER"),
                env.optional("SMS_SENDER_ID"),
                env.required("SCHEDULE_GROUP"),
                env.required("SCHEDULER_ROLE_ARN"),
                env.required("DISPATCH_TARGET_ARN"),
                env.optional("SCHEDULE_DLQ_ARN"),
                env.required("EVENT_BUS_NAME"),
                env.required("LINK_SECRET_ARN"),
                java.time.Duration.ofDays(days(env, "LINK_LIFETIME_DAYS", "90")),
                flag(env, "TRACK_ENGAGEMENT"),
                store);
    }

    /** {@code true} or {@code false}, unset meaning false; anything else ("yes", "1") is refused, not read as false. */
    private static boolean flag(Env env, String name) {
        String value = env.optional(name, "false");
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalStateException("environment variable " + name + " must be true or false");
    }

    /** A link that outlives ten years is a link nobody can revoke by waiting. */
    static final long MAX_DAYS = 3650;

    private static long days(Env env, String name, String fallback) {
        String value = env.optional(name, fallback);
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0 && parsed <= MAX_DAYS) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("environment variable " + name + " must be a whole number from 1 to " + MAX_DAYS);
    }
}
