package dev.aftercart.core.feedback;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.engine.StoreSettings;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.port.SmsOptOutList;
import dev.aftercart.core.port.SmsSender;
import dev.aftercart.core.preferences.ConsentChanges;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.render.Templates;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keywords carriers and the TCPA expect a sender to honour, in any case and with any spaces
 * around them: STOP and its synonyms withdraw SMS marketing consent for every customer with that
 * number; START or UNSTOP restores it and takes the number off the SMS provider's opt-out list, where
 * the provider put it on the STOP; HELP gets the store's help text. Anything else is ignored.
 */
public final class SmsKeywords {

    /** The TCPA's and CTIA's opt-out words, and those AWS End User Messaging also opts a number out for. */
    public static final Set<String> STOP = Set.of("STOP", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
            "OPT OUT", "OPT-OUT", "STOP ALL", "STOPALL", "REMOVE", "ARRET", "TD");
    public static final Set<String> START = Set.of("START", "UNSTOP");
    public static final String HELP = "HELP";

    public enum Action { OPTED_OUT, OPTED_IN, HELPED, IGNORED }

    private final CustomerStore customers;
    private final ConsentChanges changes;
    private final SmsSender sms;
    private final SmsOptOutList optOuts;
    private final Templates templates;
    private final StoreSettings store;

    public SmsKeywords(CustomerStore customers, ConsentChanges changes, SmsSender sms, SmsOptOutList optOuts,
            Templates templates, StoreSettings store) {
        this.customers = customers;
        this.changes = changes;
        this.sms = sms;
        this.optOuts = optOuts;
        this.templates = templates;
        this.store = store;
    }

    public Action handle(InboundSms inbound) {
        String keyword = keyword(inbound.body());
        List<String> owners = customers.customerIdsForPhone(inbound.fromNumber());
        Action action;
        Boolean providerOptIn = null;
        if (STOP.contains(keyword)) {
            owners.forEach(id -> changes.apply(id, "sms_keyword", Consent::withdrawSmsMarketing));
            action = Action.OPTED_OUT;
        } else if (START.contains(keyword)) {
            owners.forEach(id -> changes.apply(id, "sms_keyword", Consent::restoreSmsMarketing));
            // Consent first: when the provider's answer fails and the text is retried, this part is a no-op.
            providerOptIn = optOuts.optIn(inbound.fromNumber());
            action = Action.OPTED_IN;
        } else if (HELP.equals(keyword)) {
            help(inbound, owners);
            action = Action.HELPED;
        } else {
            action = Action.IGNORED;
        }
        Log.info("sms_inbound", "messageId", inbound.messageId(), "action", action.name().toLowerCase(Locale.ROOT),
                "customers", owners.size(), "providerOptIn", providerOptIn);
        return action;
    }

    /** The keyword as carriers match it: upper case, outer spaces trimmed, inner runs of spaces as one. */
    public static String keyword(String body) {
        return body == null ? "" : body.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** The store's help text, in the language of the number's customer (the store's default when unknown). */
    private void help(InboundSms inbound, List<String> owners) {
        String locale = owners.stream().map(customers::profile).flatMap(Optional::stream)
                .map(CustomerProfile::locale).filter(l -> l != null).findFirst().orElse(store.defaultLocale());
        String language = templates.language("sms-help", locale);
        Map<String, Object> model = Map.of("store", Map.of("name", store.name(), "url", store.url(),
                "supportEmail", store.supportEmail()));
        String body = templates.render("sms-help", language, Templates.Part.SMS, model).strip();
        String messageId = MessageId.of("sms-help", "reply", "sms", inbound.messageId());
        sms.send(SmsMessage.of(messageId, "sms-help", inbound.fromNumber(), body, MessageKind.TRANSACTIONAL));
    }
}
