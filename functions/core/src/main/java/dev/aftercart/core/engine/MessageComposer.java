package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.ShipmentItem;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.policy.CustomerZone;
import dev.aftercart.core.policy.SendContext;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.LocaleFormats;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.render.Text;
import java.math.BigDecimal;
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

    /** The email for a message, about {@code products} (those the policy left in it). */
    public EmailMessage email(SendContext context, List<String> products) {
        LedgerEntry message = context.message();
        JourneyStep step = context.step();
        CustomerProfile profile = context.profile();
        String language = templates.language(step.template(), localeTag(profile));
        Map<String, Object> model = model(context, products, true);
        String subject = Text.clean(templates.render(step.template(), language, Templates.Part.SUBJECT, model), 200);
        String html = templates.render(step.template(), language, Templates.Part.EMAIL_HTML, model);
        String text = templates.render(step.template(), language, Templates.Part.EMAIL_TEXT, model);
        return new EmailMessage(message.messageId(), store.fromAddress(), store.name(), profile.email(), subject, html,
                text, Map.of(), Map.of("journey", message.journeyId(), "message", message.messageId()));
    }

    public SmsMessage sms(SendContext context, List<String> products) {
        LedgerEntry message = context.message();
        JourneyStep step = context.step();
        CustomerProfile profile = context.profile();
        String language = templates.language(step.template(), localeTag(profile));
        Map<String, Object> model = model(context, products, false);
        String body = templates.render(step.template(), language, Templates.Part.SMS, model).strip();
        return SmsMessage.of(message.messageId(), message.journeyId(), profile.phone(), body, message.kind());
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
        model.put("links", Map.of("preferences", nonNull(store.preferencesUrl())));
        model.put("step", Map.of("id", context.step().id(), "is", Map.of(context.step().id(), true)));
        if (order != null && order.isKnown()) {
            model.put("order", orderModel(order, formats));
            String shipmentId = message.subject().get("shipmentId");
            ShipmentRecord shipment = shipmentId == null ? null : order.shipments().get(shipmentId);
            if (shipment != null) {
                model.put("shipment", shipmentModel(order, shipment, message.subject().get("status"),
                        message.subject().get("notice"), formats));
            }
            model.put("products", productsModel(order, products));
        }
        // Read the catalog only for a template that shows recommendations.
        LazyModel lazy = (LazyModel) model;
        lazy.putLazy("recommendations", () -> withRecommendations && order != null && order.isKnown()
                ? recommender.forOrder(order, policies.crossSellLimit()).stream()
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

    /** The products a message is about, described by the order's lines. */
    private static List<Map<String, Object>> productsModel(OrderRecord order, List<String> products) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (String productId : products) {
            order.items().stream().filter(line -> line.productId().equals(productId)).findFirst().ifPresent(line -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", Text.clean(line.name(), PRODUCT_NAME_MAX));
                m.put("url", nonNull(line.url()));
                m.put("imageUrl", nonNull(line.imageUrl()));
                m.put("category", nonNull(line.category()));
                models.add(m);
            });
        }
        return models;
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
