package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.customer.ReturnRecord;
import dev.aftercart.core.customer.Subscription;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ShipmentItem;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.policy.CustomerZone;
import dev.aftercart.core.policy.SendContext;
import dev.aftercart.core.port.Catalog;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.render.BusEvent;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.EmailTags;
import dev.aftercart.core.render.LocaleFormats;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.render.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
    private final Catalog catalog;
    private final LinkTokens links;

    public MessageComposer(Templates templates, StoreSettings store, Policies policies, Recommender recommender,
            Catalog catalog, LinkTokens links) {
        this.templates = templates;
        this.store = store;
        this.policies = policies;
        this.recommender = recommender;
        this.catalog = catalog;
        this.links = links;
    }

    /** The email for a message, about {@code products} (those the policy left in it). */
    public EmailMessage email(SendContext context, List<String> products) {
        LedgerEntry message = context.message();
        CustomerProfile profile = context.profile();
        Map<String, Object> model = model(context, products, true);
        String template = template(context.step(), model);
        String language = templates.language(template, localeTag(profile));
        String subject = Text.clean(templates.render(template, language, Templates.Part.SUBJECT, model), 200);
        String html = templates.render(template, language, Templates.Part.EMAIL_HTML, model);
        String text = templates.render(template, language, Templates.Part.EMAIL_TEXT, model);
        return new EmailMessage(message.messageId(), store.fromAddress(), store.name(), profile.email(), subject, html,
                text, unsubscribeHeaders(message), tags(message));
    }

    /**
     * What SES's feedback events carry back: journey, message and customer. A customer id too long
     * to tag goes untagged; its bounces and complaints still count for the reputation guard.
     */
    private static Map<String, String> tags(LedgerEntry message) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("journey", message.journeyId());
        tags.put("message", message.messageId());
        String customer = EmailTags.encode(message.customerId());
        if (customer != null) {
            tags.put("customer", customer);
        }
        return tags;
    }

    /**
     * RFC 8058 one-click unsubscribe, which Gmail and Yahoo require of bulk senders, on marketing
     * email only: an HTTPS link the mail client POSTs to, and a mailto for clients without one-click.
     * Transactional email carries the preference link in its footer and no such header.
     */
    private Map<String, String> unsubscribeHeaders(LedgerEntry message) {
        if (message.kind() != MessageKind.MARKETING || store.preferencesUrl() == null) {
            return Map.of();
        }
        String token = links.issue(message.customerId(), LinkTokens.EMAIL_MARKETING);
        String value = "<" + store.preferencesUrl() + "unsubscribe?t=" + token + ">";
        if (store.unsubscribeMailto() != null) {
            value += ", <mailto:" + store.unsubscribeMailto() + "?subject=unsubscribe%20" + token + ">";
        }
        return Map.of("List-Unsubscribe", value, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    public SmsMessage sms(SendContext context, List<String> products) {
        LedgerEntry message = context.message();
        CustomerProfile profile = context.profile();
        Map<String, Object> model = model(context, products, false);
        String template = template(context.step(), model);
        String language = templates.language(template, localeTag(profile));
        String body = templates.render(template, language, Templates.Part.SMS, model).strip();
        if (message.kind() == MessageKind.MARKETING) {
            // Marketing texts say they are marketing where the law wants it said (Korea's "(광고)"), and the
            // first one to each number tells how to stop, in the customer's language.
            body = templates.renderPartial(language, "sms-marketing-prefix", model) + body;
            if (!profile.smsOptOutExplained()) {
                body = body + " " + templates.renderPartial(language, "sms-opt-out", model);
            }
        }
        return SmsMessage.of(message.messageId(), message.journeyId(), profile.phone(), body.strip(), message.kind());
    }

    /**
     * An event for the store's systems, such as {@code Service Recovery Requested}: ids and facts
     * from the message's subject, never the customer's contact details or words.
     */
    public BusEvent event(SendContext context) {
        LedgerEntry message = context.message();
        Map<String, Object> detail = new LinkedHashMap<>(new TreeMap<>(message.subject()));
        detail.remove("productIds");
        detail.put("customerId", message.customerId());
        detail.put("journey", message.journeyId());
        detail.put("messageId", message.messageId());
        if (context.profile() != null) {
            detail.put("locale", localeTag(context.profile()));
        }
        return new BusEvent(message.messageId(), context.step().detailType(), detail);
    }

    /**
     * The step's template, or its variant for the category of the first product the message is
     * about ({@code product-tips.coffee} for coffee), where the store wrote one.
     */
    private String template(JourneyStep step, Map<String, Object> model) {
        Object products = model.get("products");
        if (products instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                && first.get("category") instanceof String category && !category.isEmpty()) {
            String variant = step.template() + "." + category;
            if (templates.exists(variant)) {
                return variant;
            }
        }
        return step.template();
    }

    Map<String, Object> model(SendContext context, List<String> products, boolean withRecommendations) {
        LedgerEntry message = context.message();
        CustomerProfile profile = context.profile();
        OrderRecord order = context.order();
        LocaleFormats formats = formats(profile);
        Map<String, Object> model = new LazyModel();
        model.put("store", storeModel());
        model.put("customer", customerModel(profile));
        model.put("kind", Map.of("marketing", message.kind() == MessageKind.MARKETING,
                "transactional", message.kind() == MessageKind.TRANSACTIONAL));
        model.put("offer", Map.of("mailingList", !profile.consent().emailMarketing(), "url", nonNull(store.subscribeUrl())));
        model.put("links", linksModel(message));
        model.put("step", Map.of("id", context.step().id(), "is", Map.of(context.step().id(), true)));
        if (order != null && order.isKnown()) {
            model.put("order", orderModel(order, formats));
            String shipmentId = message.subject().get("shipmentId");
            ShipmentRecord shipment = shipmentId == null ? null : order.shipments().get(shipmentId);
            if (shipment != null) {
                model.put("shipment", shipmentModel(order, shipment, message.subject().get("status"),
                        message.subject().get("notice"), formats));
            }
            String returnId = message.subject().get("returnId");
            if (returnId != null && order.returns().containsKey(returnId)) {
                model.put("return", returnModel(order, order.returns().get(returnId), formats));
            }
        }
        model.put("products", productsModel(order, products));
        String rating = message.subject().get("rating");
        if (rating != null) {
            model.put("review", reviewModel(message.subject()));
        }
        model.put("loyalty", loyaltyModel(profile, message.subject().get("expiresAt"), formats));
        String subscriptionId = message.subject().get("subscriptionId");
        if (subscriptionId != null && profile.subscriptions().containsKey(subscriptionId)) {
            model.put("subscription", subscriptionModel(profile.subscriptions().get(subscriptionId), formats));
        }
        // Read the catalog only for a template that shows recommendations.
        LazyModel lazy = (LazyModel) model;
        lazy.putLazy("recommendations", () -> withRecommendations && order != null && order.isKnown()
                ? recommender.forOrder(order, profile, products, policies.crossSellLimit()).stream()
                        .map(product -> productModel(product, order.total().currency(), formats))
                        .toList()
                : List.of());
        lazy.putLazy("hasRecommendations", () -> !((List<?>) lazy.get("recommendations")).isEmpty());
        return model;
    }

    /**
     * The shipment a message is about. {@code notice} says which message it is: the status, or
     * {@code all_delivered} for the delivery that completes a split order; {@code is.<notice>} lets a
     * template pick its words.
     */
    private static Map<String, Object> shipmentModel(OrderRecord order, ShipmentRecord shipment, String status,
            String plannedNotice, LocaleFormats formats) {
        boolean split = order.isSplit();
        // As planned: a text held overnight must not become a second "everything has arrived" once the rest lands.
        String notice = plannedNotice != null ? plannedNotice
                : "delivered".equals(status) && split && order.isAllDelivered() ? "all_delivered" : status;
        List<Map<String, Object>> items = new ArrayList<>();
        boolean wholeOrder = !split || "all_delivered".equals(notice);
        for (LineItem line : wholeOrder ? order.items() : order.linesIn(shipment)) {
            // "Everything has arrived" lists the order as ordered, not what the last parcel carried.
            int quantity = "all_delivered".equals(notice) ? line.quantity() : quantityIn(shipment, line);
            items.add(Map.of("name", Text.clean(line.name(), PRODUCT_NAME_MAX), "quantity", quantity));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("notice", notice);
        m.put("is", Map.of(notice == null ? "" : notice, true));
        m.put("carrier", Text.clean(shipment.carrier(), 60));
        m.put("trackingNumber", Text.clean(shipment.trackingNumber(), 80));
        m.put("trackingUrl", nonNull(shipment.trackingUrl()));
        m.put("estimatedDelivery", formats.date(shipment.estimatedDelivery()));
        m.put("split", split);
        m.put("items", items);
        return m;
    }

    private static int quantityIn(ShipmentRecord shipment, LineItem line) {
        if (shipment.carriesWholeOrder()) {
            return line.quantity();
        }
        return shipment.items().stream().filter(i -> i.productId().equals(line.productId()))
                .mapToInt(ShipmentItem::quantity).sum();
    }

    /**
     * The products a message is about: described by the order's lines when it has them (the name
     * the customer saw), else by the catalog (a review of a product without an order, a subscription).
     */
    private List<Map<String, Object>> productsModel(OrderRecord order, List<String> products) {
        List<Map<String, Object>> models = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String productId : products) {
            Optional<LineItem> line = order == null ? Optional.empty()
                    : order.items().stream().filter(l -> l.productId().equals(productId)).findFirst();
            if (line.isPresent()) {
                models.add(describe(line.get().name(), line.get().url(), line.get().imageUrl(), line.get().category()));
            } else {
                unknown.add(productId);
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, Product> known = catalog.products(unknown);
            for (String productId : unknown) {
                Product product = known.get(productId);
                if (product != null && product.name() != null) {
                    models.add(describe(product.name(), product.url(), product.imageUrl(), product.category()));
                }
            }
        }
        return models;
    }

    private static Map<String, Object> describe(String name, String url, String imageUrl, String category) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", Text.clean(name, PRODUCT_NAME_MAX));
        m.put("url", nonNull(url));
        m.put("imageUrl", nonNull(imageUrl));
        m.put("category", nonNull(category));
        return m;
    }

    /** A review's facts from the message's subject: never the customer's words. */
    private static Map<String, Object> reviewModel(Map<String, String> subject) {
        int rating = Integer.parseInt(subject.get("rating"));
        boolean hasMedia = Boolean.parseBoolean(subject.get("hasMedia"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rating", rating);
        m.put("stars", "★".repeat(rating) + "☆".repeat(5 - rating));
        m.put("hasMedia", hasMedia);
        m.put("photoRequest", !hasMedia);
        return m;
    }

    private static Map<String, Object> returnModel(OrderRecord order, ReturnRecord returned, LocaleFormats formats) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReturnItem item : returned.items()) {
            order.items().stream().filter(line -> line.productId().equals(item.productId())).findFirst()
                    .ifPresent(line -> items.add(Map.of("name", Text.clean(line.name(), PRODUCT_NAME_MAX),
                            "quantity", item.quantity())));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", returned.status().id());
        m.put("is", Map.of(returned.status().id(), true));
        m.put("items", items);
        m.put("hasRefund", returned.refundAmount() != null);
        m.put("refundAmount", formats.money(returned.refundAmount()));
        return m;
    }

    /** The customer's standing; {@code points} and {@code expiresOn} for a message about points expiring at {@code expiresAt}. */
    private Map<String, Object> loyaltyModel(CustomerProfile profile, String expiresAt, LocaleFormats formats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("member", profile.loyalty().member());
        m.put("tier", Text.clean(profile.loyalty().tier(), NAME_MAX));
        m.put("vip", policies.isVip(profile.loyalty().tier()));
        m.put("pointsBalance", formats.number(profile.loyalty().pointsBalance()));
        if (expiresAt != null) {
            Instant at = Instant.parse(expiresAt);
            m.put("points", formats.number(profile.loyalty().expiringAt(at)));
            m.put("expiresOn", formats.date(at));
        }
        return m;
    }

    private static Map<String, Object> subscriptionModel(Subscription subscription, LocaleFormats formats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nextChargeOn", formats.date(subscription.nextChargeAt()));
        m.put("amount", formats.money(subscription.amount()));
        m.put("hasAmount", subscription.amount() != null);
        m.put("manageUrl", nonNull(subscription.manageUrl()));
        return m;
    }

    /** The customer's own links to the preference page and, for marketing, to one-click unsubscribe. */
    private Map<String, Object> linksModel(LedgerEntry message) {
        if (store.preferencesUrl() == null) {
            return Map.of("preferences", "", "unsubscribe", "");
        }
        String preferences = store.preferencesUrl() + "?t="
                + links.issue(message.customerId(), LinkTokens.PREFERENCES);
        String unsubscribe = message.kind() == MessageKind.MARKETING
                ? store.preferencesUrl() + "unsubscribe?t=" + links.issue(message.customerId(), LinkTokens.EMAIL_MARKETING)
                : "";
        return Map.of("preferences", preferences, "unsubscribe", unsubscribe);
    }

    /** The customer's locale, else the store's default: one tag picks both the words and the formats. */
    private String localeTag(CustomerProfile profile) {
        return profile.locale() != null ? profile.locale() : store.defaultLocale();
    }

    LocaleFormats formats(CustomerProfile profile) {
        return new LocaleFormats(Locale.forLanguageTag(localeTag(profile)),
                CustomerZone.of(profile, store.defaultTimeZone()));
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
