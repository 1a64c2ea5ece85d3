package dev.aftercart.core.testing;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.OrderStatus;
import dev.aftercart.core.customer.ReturnRecord;
import dev.aftercart.core.customer.Subscription;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.engine.StoreSettings;
import dev.aftercart.core.event.ConsentDetails;
import dev.aftercart.core.event.CustomerDetails;
import dev.aftercart.core.event.EventParser;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.LoyaltyUpdated;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ReturnStatus;
import dev.aftercart.core.event.ReturnUpdated;
import dev.aftercart.core.event.ReviewSubmitted;
import dev.aftercart.core.event.ShipmentUpdated;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.event.SubscriptionUpdated;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.render.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test data. Events come from the EventBridge envelopes under {@code src/test/resources/events/};
 * {@link #set} and {@link #remove} change one field of a copy, addressed by the same path a
 * {@code Violation} names (e.g. {@code detail.items[0].unitPrice}). Profiles and orders have builders.
 */
public final class Fixtures {

    public static final StoreSettings STORE = new StoreSettings(
            "Aftercart Demo",
            "https://shop.example",
            "help@shop.example",
            "1 Market St, San Francisco, CA 94105",
            "orders@shop.example",
            "https://shop.example/subscribe",
            "https://shop.example/preferences",
            ZoneId.of("America/New_York"),
            "en-US",
            "unsubscribe@shop.example");

    /** The link-signing key of tests: 32 bytes, as a deployment's secret would be. */
    public static final byte[] LINK_KEY = "aftercart-test-link-signing-key!".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Link tokens under {@link #LINK_KEY}, on the system clock, valid 90 days. */
    public static dev.aftercart.core.preferences.LinkTokens links() {
        return new dev.aftercart.core.preferences.LinkTokens(LINK_KEY, java.time.Clock.systemUTC(),
                java.time.Duration.ofDays(90));
    }

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private Fixtures() {
    }

    /** A fresh, mutable copy of {@code events/<name>}, e.g. {@code event("order-placed.json")}. */
    public static Map<String, Object> event(String name) {
        String resource = "events/" + name;
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return mutableObject(Json.parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as a validated event. */
    public static ShopEvent parsed(String name) {
        return parse(event(name));
    }

    public static ShopEvent parse(Map<String, Object> envelope) {
        return EventParser.forAllDetailTypes().parse(envelope);
    }

    public static OrderPlaced orderPlaced(String name) {
        return (OrderPlaced) parsed(name);
    }

    public static ShipmentUpdated shipmentUpdated(String name) {
        return (ShipmentUpdated) parsed(name);
    }

    public static ReviewSubmitted reviewSubmitted(Map<String, Object> envelope) {
        return (ReviewSubmitted) parse(envelope);
    }

    public static ReturnUpdated returnUpdated(Map<String, Object> envelope) {
        return (ReturnUpdated) parse(envelope);
    }

    public static LoyaltyUpdated loyaltyUpdated(Map<String, Object> envelope) {
        return (LoyaltyUpdated) parse(envelope);
    }

    public static SubscriptionUpdated subscriptionUpdated(Map<String, Object> envelope) {
        return (SubscriptionUpdated) parse(envelope);
    }

    /**
     * Templates read from {@code src/test/resources/<directory>/journeys/templates/} only, such as
     * {@code template-fixtures} or {@code broken-templates}, instead of the shipped ones.
     */
    public static Templates templatesIn(String directory) {
        URL root = Fixtures.class.getClassLoader().getResource(directory + "/");
        if (root == null) {
            throw new IllegalArgumentException("no test resource directory " + directory);
        }
        return new Templates(new URLClassLoader(new URL[] {root}, null));
    }

    /** Sets the member at {@code path} (explicitly to JSON null when {@code value} is null); returns {@code json}. */
    public static Map<String, Object> set(Map<String, Object> json, String path, Object value) {
        Target target = target(json, path);
        target.put(value);
        return json;
    }

    /** Moves an event to {@code instant}: both the envelope's {@code time} and its {@code detail.occurredAt}; returns {@code json}. */
    public static Map<String, Object> at(Map<String, Object> json, String instant) {
        set(json, "time", instant);
        return set(json, "detail.occurredAt", instant);
    }

    /** Removes the member at {@code path}; returns {@code json}. */
    public static Map<String, Object> remove(Map<String, Object> json, String path) {
        target(json, path).remove();
        return json;
    }

    /** A line item in {@code currency}, not on sale. */
    public static LineItem item(String productId, String name, int quantity, String unitPrice, String currency) {
        return new LineItem(productId, null, name, null, quantity, Money.of(unitPrice, currency), null,
                "https://shop.example/p/" + productId, null);
    }

    /** A placed, fully known order, version 1, totalling its lines. */
    public static OrderRecord order(String customerId, String orderId, LineItem first, LineItem... more) {
        List<LineItem> items = new ArrayList<>();
        items.add(first);
        items.addAll(List.of(more));
        Money total = new Money(items.stream().map(i -> i.lineTotal().amount()).reduce(BigDecimal.ZERO, BigDecimal::add),
                first.unitPrice().currency());
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        return new OrderRecord(customerId, orderId, null, at, items, total, null, null, null, total,
                OrderStatus.PLACED, null, null, null, at, 1);
    }

    /** One approved return of these products, as an order's {@code returns}. */
    public static Map<String, ReturnRecord> returnsOf(String... productIds) {
        List<ReturnItem> items = Arrays.stream(productIds).map(p -> new ReturnItem(p, 1, null)).toList();
        return Map.of("r-test", new ReturnRecord("r-test", ReturnStatus.APPROVED, Instant.parse("2026-11-25T10:00:00Z"),
                items, null));
    }

    public static ProfileBuilder profile(String customerId) {
        return new ProfileBuilder(customerId);
    }

    public static DetailsBuilder details(String customerId) {
        return new DetailsBuilder(customerId);
    }

    /** A stored customer profile, version 1 unless told otherwise. */
    public static final class ProfileBuilder {
        private final String customerId;
        private String email = "zephyrine.quill@example.com";
        private String phone = "+14155550199";
        private String firstName = "Zephyrine";
        private String locale = "en-US";
        private String timeZone = "Europe/London";
        private String region = "US-CA";
        private Consent consent = Consent.NONE;
        private Suppression suppression = Suppression.NONE;
        private Loyalty loyalty = Loyalty.NONE;
        private dev.aftercart.core.customer.Engagement engagement = dev.aftercart.core.customer.Engagement.NONE;
        private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        private Instant updatedAt = Instant.parse("2026-11-01T00:00:00Z");
        private long version = 1;

        private ProfileBuilder(String customerId) {
            this.customerId = customerId;
        }

        public ProfileBuilder email(String value) {
            email = value;
            return this;
        }

        public ProfileBuilder phone(String value) {
            phone = value;
            return this;
        }

        public ProfileBuilder firstName(String value) {
            firstName = value;
            return this;
        }

        public ProfileBuilder locale(String value) {
            locale = value;
            return this;
        }

        public ProfileBuilder timeZone(String value) {
            timeZone = value;
            return this;
        }

        public ProfileBuilder region(String value) {
            region = value;
            return this;
        }

        public ProfileBuilder consent(boolean emailMarketing, boolean smsMarketing, Boolean smsTransactional) {
            consent = new Consent(emailMarketing, smsMarketing, smsTransactional);
            return this;
        }

        public ProfileBuilder suppression(boolean hardBounced, boolean complained) {
            suppression = new Suppression(hardBounced, complained);
            return this;
        }

        public ProfileBuilder loyalty(String tier, long points) {
            loyalty = new Loyalty(true, tier, points);
            return this;
        }

        public ProfileBuilder loyalty(Loyalty value) {
            loyalty = value;
            return this;
        }

        public ProfileBuilder subscription(Subscription value) {
            subscriptions.put(value.subscriptionId(), value);
            return this;
        }

        public ProfileBuilder updatedAt(String instant) {
            updatedAt = Instant.parse(instant);
            return this;
        }

        public ProfileBuilder version(long value) {
            version = value;
            return this;
        }

        public ProfileBuilder engagement(dev.aftercart.core.customer.Engagement value) {
            engagement = value;
            return this;
        }

        public CustomerProfile build() {
            return new CustomerProfile(customerId, email, phone, firstName, locale, timeZone, region, consent,
                    suppression, loyalty, engagement, subscriptions, updatedAt, version);
        }
    }

    /** The customer object of an event; every field but the id starts as "not given". */
    public static final class DetailsBuilder {
        private final String customerId;
        private String email;
        private String phone;
        private String firstName;
        private String locale;
        private String timeZone;
        private String region;
        private ConsentDetails consent = ConsentDetails.UNSTATED;

        private DetailsBuilder(String customerId) {
            this.customerId = customerId;
        }

        public DetailsBuilder email(String value) {
            email = value;
            return this;
        }

        public DetailsBuilder phone(String value) {
            phone = value;
            return this;
        }

        public DetailsBuilder firstName(String value) {
            firstName = value;
            return this;
        }

        public DetailsBuilder locale(String value) {
            locale = value;
            return this;
        }

        public DetailsBuilder timeZone(String value) {
            timeZone = value;
            return this;
        }

        public DetailsBuilder region(String value) {
            region = value;
            return this;
        }

        public DetailsBuilder consent(Boolean emailMarketing, Boolean smsMarketing, Boolean smsTransactional) {
            consent = new ConsentDetails(emailMarketing, smsMarketing, smsTransactional);
            return this;
        }

        public CustomerDetails build() {
            return new CustomerDetails(customerId, email, phone, firstName, locale, timeZone, region, consent);
        }
    }

    // --- editing parsed JSON by path ---

    private interface Target {
        void put(Object value);

        void remove();
    }

    @SuppressWarnings("unchecked")
    private static Target target(Map<String, Object> json, String path) {
        String[] segments = path.split("\\.");
        Object current = json;
        for (int s = 0; s < segments.length; s++) {
            Matcher m = SEGMENT.matcher(segments[s]);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad path " + path);
            }
            List<Integer> indexes = new ArrayList<>();
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                indexes.add(Integer.parseInt(index.group(1)));
            }
            Map<String, Object> map = (Map<String, Object>) current;
            String name = m.group(1);
            boolean last = s == segments.length - 1;
            if (last && indexes.isEmpty()) {
                return new Target() {
                    public void put(Object value) {
                        map.put(name, value);
                    }

                    public void remove() {
                        map.remove(name);
                    }
                };
            }
            current = map.get(name);
            for (int i = 0; i < indexes.size(); i++) {
                List<Object> list = (List<Object>) current;
                int at = indexes.get(i);
                if (last && i == indexes.size() - 1) {
                    return new Target() {
                        public void put(Object value) {
                            list.set(at, value);
                        }

                        public void remove() {
                            list.remove(at);
                        }
                    };
                }
                current = list.get(at);
            }
        }
        throw new IllegalArgumentException("bad path " + path);
    }

    private static Map<String, Object> mutableObject(Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) mutable(value);
        return map;
    }

    private static Object mutable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, mutable(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(mutable(v)));
            return copy;
        }
        return value;
    }
}
