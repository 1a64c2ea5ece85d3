package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.LocaleFormats;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.render.Text;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the template model for one message and renders it in the customer's language.
 * User-supplied text is cleaned here once; HTML escaping is left to the HTML templates.
 */
public final class MessageComposer {

    static final int NAME_MAX = 40;
    static final int PRODUCT_NAME_MAX = 120;

    private final Templates templates;
    private final StoreSettings store;
    private final Policies policies;
    private final Recommender recommender;

    public MessageComposer(Templates templates, StoreSettings store, Policies policies, Recommender recommender) {
        this.templates = templates;
        this.store = store;
        this.policies = policies;
        this.recommender = recommender;
    }

    public EmailMessage email(LedgerEntry message, JourneyStep step, CustomerProfile profile, OrderRecord order) {
        String language = templates.language(step.template(), localeTag(profile));
        Map<String, Object> model = model(message, profile, order, true);
        String subject = Text.clean(templates.render(step.template(), language, Templates.Part.SUBJECT, model), 200);
        String html = templates.render(step.template(), language, Templates.Part.EMAIL_HTML, model);
        String text = templates.render(step.template(), language, Templates.Part.EMAIL_TEXT, model);
        return new EmailMessage(message.messageId(), store.fromAddress(), store.name(), profile.email(), subject, html,
                text, Map.of(), Map.of("journey", message.journeyId(), "message", message.messageId()));
    }

    public SmsMessage sms(LedgerEntry message, JourneyStep step, CustomerProfile profile, OrderRecord order) {
        String language = templates.language(step.template(), localeTag(profile));
        Map<String, Object> model = model(message, profile, order, false);
        String body = templates.render(step.template(), language, Templates.Part.SMS, model).strip();
        return SmsMessage.of(message.messageId(), message.journeyId(), profile.phone(), body, message.kind());
    }

    Map<String, Object> model(LedgerEntry message, CustomerProfile profile, OrderRecord order, boolean withRecommendations) {
        LocaleFormats formats = formats(profile);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("store", storeModel());
        model.put("customer", customerModel(profile));
        model.put("kind", Map.of("marketing", message.kind() == MessageKind.MARKETING,
                "transactional", message.kind() == MessageKind.TRANSACTIONAL));
        model.put("offer", Map.of("mailingList", !profile.consent().emailMarketing(), "url", nonNull(store.subscribeUrl())));
        model.put("links", Map.of("preferences", nonNull(store.preferencesUrl())));
        if (order != null && order.isKnown()) {
            model.put("order", orderModel(order, formats));
        }
        List<Map<String, Object>> recommendations = new ArrayList<>();
        if (withRecommendations && order != null && order.isKnown()) {
            for (Product product : recommender.forOrder(order, policies.crossSellLimit())) {
                recommendations.add(productModel(product, order.total().currency(), formats));
            }
        }
        model.put("recommendations", recommendations);
        model.put("hasRecommendations", !recommendations.isEmpty());
        return model;
    }

    /** The customer's locale, else the store's default: one tag picks both the words and the formats. */
    private String localeTag(CustomerProfile profile) {
        return profile.locale() != null ? profile.locale() : store.defaultLocale();
    }

    LocaleFormats formats(CustomerProfile profile) {
        String tag = localeTag(profile);
        ZoneId zone = profile.timeZone() != null ? ZoneId.of(profile.timeZone()) : store.defaultTimeZone();
        return new LocaleFormats(Locale.forLanguageTag(tag), zone);
    }

    private Map<String, Object> storeModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", store.name());
        m.put("url", store.url());
        m.put("supportEmail", store.supportEmail());
        m.put("postalAddress", store.postalAddress());
        return m;
    }

    private Map<String, Object> customerModel(CustomerProfile profile) {
        String firstName = Text.clean(profile.firstName(), NAME_MAX);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstName", firstName);
        m.put("hasName", !firstName.isEmpty());
        m.put("vip", policies.isVip(profile.loyalty().tier()));
        m.put("tier", Text.clean(profile.loyalty().tier(), NAME_MAX));
        return m;
    }

    private static Map<String, Object> orderModel(OrderRecord order, LocaleFormats formats) {
        List<Map<String, Object>> items = new ArrayList<>();
        Money saved = new Money(BigDecimal.ZERO, order.total().currency());
        int count = 0;
        for (LineItem item : order.items()) {
            Money saving = item.saving();
            saved = new Money(saved.amount().add(saving.amount()), saved.currency());
            count += item.quantity();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", Text.clean(item.name(), PRODUCT_NAME_MAX));
            m.put("quantity", item.quantity());
            m.put("unitPrice", formats.money(item.unitPrice()));
            m.put("onSale", saving.isPositive());
            m.put("originalPrice", saving.isPositive() ? formats.money(item.originalPrice()) : "");
            m.put("saving", saving.isPositive() ? formats.money(saving) : "");
            m.put("lineTotal", formats.money(item.lineTotal()));
            m.put("url", nonNull(item.url()));
            m.put("imageUrl", nonNull(item.imageUrl()));
            items.add(m);
        }
        if (order.discount() != null) {
            saved = new Money(saved.amount().add(order.discount().amount()), saved.currency());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", Text.clean(order.displayNumber(), 64));
        m.put("placedOn", formats.date(order.placedAt()));
        m.put("items", items);
        m.put("itemCount", count);
        m.put("subtotal", formats.money(order.subtotal()));
        m.put("hasDiscount", order.discount() != null && order.discount().isPositive());
        m.put("discount", formats.money(order.discount()));
        m.put("shipping", formats.money(order.shipping()));
        m.put("hasShipping", order.shipping() != null);
        m.put("tax", formats.money(order.tax()));
        m.put("hasTax", order.tax() != null && order.tax().isPositive());
        m.put("total", formats.money(order.total()));
        m.put("hasSaving", saved.isPositive());
        m.put("saving", formats.money(saved));
        return m;
    }

    /** A price is shown only in the currency the customer just paid in; another currency would mislead. */
    private static Map<String, Object> productModel(Product product, java.util.Currency orderCurrency,
            LocaleFormats formats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", Text.clean(product.name(), PRODUCT_NAME_MAX));
        m.put("url", nonNull(product.url()));
        m.put("imageUrl", nonNull(product.imageUrl()));
        boolean samePrice = product.price() != null && product.price().currency().equals(orderCurrency);
        m.put("price", samePrice ? formats.money(product.price()) : "");
        return m;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
