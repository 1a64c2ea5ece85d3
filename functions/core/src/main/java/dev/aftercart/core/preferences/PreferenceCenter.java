package dev.aftercart.core.preferences;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.engine.StoreSettings;
import dev.aftercart.core.journey.Topics;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.render.Templates;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer's side of consent, behind the links in every email: one-click unsubscribe (RFC
 * 8058: a POST, no page, no login, idempotent) and a small preference page that works without
 * JavaScript. Every request carries a signed, expiring token; one that is tampered with, expired
 * or malformed gets a 400 and changes nothing. A change applies to every message not yet sent,
 * because every message is checked against consent when it is due.
 */
public final class PreferenceCenter {

    /** No script, no framing, forms post only back here; inline styles are the page's only styles. */
    static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");
    static final Map<String, String> TEXT_HEADERS = Map.of(
            "Content-Type", "text/plain; charset=utf-8",
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store");

    private static final int ATTEMPTS = 5;
    private static final String PAGE = "preferences-page";

    private final CustomerStore customers;
    private final ConsentChanges changes;
    private final LinkTokens tokens;
    private final Templates templates;
    private final StoreSettings store;

    public PreferenceCenter(CustomerStore customers, ConsentChanges changes, LinkTokens tokens, Templates templates,
            StoreSettings store) {
        this.customers = customers;
        this.changes = changes;
        this.tokens = tokens;
        this.templates = templates;
        this.store = store;
    }

    /**
     * Routes by the path's last segment, so the function works at its own URL's root and behind a
     * store's domain under any prefix: {@code .../unsubscribe} is one-click unsubscribe, anything
     * else the preference page.
     */
    public WebResponse handle(WebRequest request) {
        String path = request.path() == null ? "" : request.path().replaceAll("/+$", "");
        String method = request.method() == null ? "" : request.method().toUpperCase(java.util.Locale.ROOT);
        if (path.endsWith("/unsubscribe")) {
            return switch (method) {
                case "POST" -> oneClick(request);
                case "GET" -> show(request, LinkTokens.EMAIL_MARKETING);
                default -> text(405, "Use the link in your email.");
            };
        }
        return switch (method) {
            case "GET" -> show(request, LinkTokens.PREFERENCES);
            case "POST" -> save(request);
            default -> text(405, "Use the link in your email.");
        };
    }

    /** What the page says above the form after a change. */
    private enum Notice { NONE, SAVED, UNSUBSCRIBED }

    /**
     * RFC 8058: the mail client POSTs {@code List-Unsubscribe=One-Click} with the token in the URL;
     * no page, the same answer every time. The page's own unsubscribe button posts here too, with
     * the token as a field, and gets the page back.
     */
    private WebResponse oneClick(WebRequest request) {
        String token = request.form().getOrDefault("t", token(request));
        Optional<String> customerId = customer(token, LinkTokens.EMAIL_MARKETING);
        if (customerId.isEmpty()) {
            return refused();
        }
        changes.apply(customerId.get(), "unsubscribe_link", Consent::withdrawEmailMarketing);
        Log.info("unsubscribed", "customerId", customerId.get(), "topic", LinkTokens.EMAIL_MARKETING);
        if (request.form().containsKey("page")) {
            return page(customerId.get(), pageToken(token, customerId.get()), Notice.UNSUBSCRIBED);
        }
        return text(200, "You are unsubscribed from marketing email.");
    }

    /** An unsubscribe link opened in a browser shows the page: a GET never unsubscribes (link scanners GET too). */
    private WebResponse show(WebRequest request, String topic) {
        String token = token(request);
        Optional<String> customerId = customer(token, topic);
        if (customerId.isEmpty()) {
            return refused();
        }
        return page(customerId.get(), pageToken(token, customerId.get()), Notice.NONE);
    }

    private WebResponse save(WebRequest request) {
        String token = request.form().getOrDefault("t", token(request));
        Optional<String> customerId = customer(token, LinkTokens.PREFERENCES);
        if (customerId.isEmpty()) {
            return refused();
        }
        Optional<CustomerProfile> profile = customers.profile(customerId.get());
        if (profile.isEmpty()) {
            return unknown();
        }
        Map<String, String> form = request.form();
        Set<String> off = new HashSet<>();
        for (String topic : Topics.ALL) {
            if (!form.containsKey(topic)) {
                off.add(topic);
            }
        }
        // A channel the page did not show (no address or number on file) is left as it is.
        boolean hasEmail = profile.get().email() != null;
        boolean hasPhone = profile.get().phone() != null;
        changes.apply(customerId.get(), "preference_page", consent -> {
            Consent next = consent.withTopicsOff(off);
            next = hasEmail ? next.withEmailMarketing(form.containsKey(Consent.EMAIL_MARKETING)) : next;
            return hasPhone ? next.withSmsMarketing(form.containsKey(Consent.SMS_MARKETING)) : next;
        });
        Log.info("preferences_saved", "customerId", customerId.get(), "topicsOff", off.stream().sorted().toList());
        return page(customerId.get(), token, Notice.SAVED);
    }

    /** The page's own token: the one it came with, or a preferences one when it came by an unsubscribe link. */
    private String pageToken(String token, String customerId) {
        return tokens.verify(token) instanceof LinkTokens.Check.Valid valid && valid.topic().equals(LinkTokens.PREFERENCES)
                ? token
                : tokens.issue(customerId, LinkTokens.PREFERENCES);
    }

    private WebResponse page(String customerId, String token, Notice notice) {
        Optional<CustomerProfile> profile = customers.profile(customerId);
        if (profile.isEmpty()) {
            return unknown();
        }
        return new WebResponse(200, PAGE_HEADERS, render(profile.get(), token, notice));
    }

    private String render(CustomerProfile profile, String token, Notice notice) {
        String language = templates.language(PAGE, profile.locale() != null ? profile.locale() : store.defaultLocale());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("store", Map.of("name", store.name(), "url", store.url(), "postalAddress", store.postalAddress(),
                "supportEmail", store.supportEmail()));
        model.put("token", token);
        model.put("saved", notice == Notice.SAVED);
        model.put("unsubscribed", notice == Notice.UNSUBSCRIBED);
        model.put("hasEmail", profile.email() != null);
        model.put("hasPhone", profile.phone() != null);
        Consent consent = profile.consent();
        model.put("emailMarketing", consent.emailMarketing());
        model.put("smsMarketing", consent.smsMarketing());
        model.put("reviewRequests", consent.allowsTopic(Topics.REVIEW_REQUESTS));
        model.put("loyaltyReminders", consent.allowsTopic(Topics.LOYALTY_REMINDERS));
        return templates.render(PAGE, language, Templates.Part.PAGE, model);
    }

    private Optional<String> customer(String token, String topic) {
        LinkTokens.Check check = tokens.verify(token);
        return switch (check) {
            case LinkTokens.Check.Valid valid when valid.topic().equals(topic)
                    || topic.equals(LinkTokens.EMAIL_MARKETING) && valid.topic().equals(LinkTokens.PREFERENCES) -> {
                yield Optional.of(valid.customerId());
            }
            case LinkTokens.Check.Valid valid -> {
                Log.warn("link_refused", "reason", "wrong_topic");
                yield Optional.empty();
            }
            case LinkTokens.Check.Refused refused -> {
                Log.warn("link_refused", "reason", refused.reason());
                yield Optional.empty();
            }
        };
    }

    private static String token(WebRequest request) {
        return request.query().get("t");
    }

    private static WebResponse unknown() {
        return text(404, "We have no preferences on file for this link.");
    }

    private static WebResponse refused() {
        return text(400, "This link is not valid or has expired. Use the link in a recent email from us.");
    }

    private static WebResponse text(int status, String body) {
        return new WebResponse(status, TEXT_HEADERS, body);
    }
}
