package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.OrderStatus;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.customer.ReturnRecord;
import dev.aftercart.core.customer.Subscription;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.PointsExpiry;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ReturnStatus;
import dev.aftercart.core.event.SubscriptionStatus;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.policy.SendContext;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample coffee shop (coffee, brewing gear, accessories; see {@code infra/events/README.md})
 * with one customer in each shipped language, for composing one message of a shipped journey
 * straight from the state a test describes: the order, a review, a return, the loyalty standing, a
 * subscription. The composer is called as the dispatcher calls it once every policy has passed,
 * so a test sees exactly what the customer would read.
 */
final class CoffeeShop {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant PLACED = Instant.parse("2026-11-16T17:05:00Z");
    /** Midday UTC: the same calendar day in Los Angeles, Seoul and Bangkok. */
    static final Instant POINTS_EXPIRE = Instant.parse("2026-12-24T12:00:00Z");
    static final Instant LATER_POINTS_EXPIRE = Instant.parse("2027-01-31T12:00:00Z");
    static final Instant NEXT_CHARGE = Instant.parse("2026-12-04T12:00:00Z");
    static final String MANAGE_URL = "https://shop.example/account/subscriptions";

    /** A product category the shop has written no template variant for. */
    static final String UNKNOWN_CATEGORY = "tea";

    private static final JourneyCatalog JOURNEYS = JourneyCatalog.fromClasspath();

    /** One customer per shipped language, with the shop's products as that customer saw them. */
    enum Language {
        EN("en", "en-US", "America/Los_Angeles", "USD", "Emma", "#1001", Map.of(
                "coffee", line("P-1001", "Ethiopia Yirgacheffe Coffee Beans 250 g", "coffee", 2, "18.00", null),
                "brewing", line("P-2001", "Ceramic Pour-Over Dripper", "brewing", 1, "25.60", "32.00"),
                "accessories", line("P-3001", "Gooseneck Kettle 1 L", "accessories", 1, "49.00", null),
                UNKNOWN_CATEGORY, line("P-9001", "Sencha Green Tea 100 g", UNKNOWN_CATEGORY, 1, "12.00", null))),
        KO("ko", "ko-KR", "Asia/Seoul", "KRW", "민준", "#1003", Map.of(
                "coffee", line("P-1002", "콜롬비아 우일라 원두 1 kg", "coffee", 1, "72000", null),
                "brewing", line("P-2001", "세라믹 핸드드립 드리퍼", "brewing", 1, "38000", "45000"),
                "accessories", line("P-3001", "구스넥 주전자 1 L", "accessories", 1, "59000", null),
                UNKNOWN_CATEGORY, line("P-9001", "센차 녹차 100g", UNKNOWN_CATEGORY, 1, "15000", null))),
        TH("th", "th-TH", "Asia/Bangkok", "THB", "สมชาย", "#1005", Map.of(
                "coffee", line("P-1003", "เมล็ดกาแฟดีแคฟ 250 ก.", "coffee", 1, "520.00", null),
                "brewing", line("P-2003", "เครื่องบดกาแฟแบบเฟืองกรวย", "brewing", 1, "5490.00", null),
                "accessories", line("P-3001", "กาต้มน้ำคอห่าน 1 ลิตร", "accessories", 1, "1290.00", null),
                UNKNOWN_CATEGORY, line("P-9001", "ชาเขียวเซ็นฉะ 100 ก.", UNKNOWN_CATEGORY, 1, "390.00", null)));

        final String language;
        final String locale;
        final String timeZone;
        final String currency;
        final String firstName;
        final String orderNumber;
        private final Map<String, String[]> lines;

        Language(String language, String locale, String timeZone, String currency, String firstName,
                String orderNumber, Map<String, String[]> lines) {
            this.language = language;
            this.locale = locale;
            this.timeZone = timeZone;
            this.currency = currency;
            this.firstName = firstName;
            this.orderNumber = orderNumber;
            this.lines = lines;
        }

        /** The shop's product of {@code category}, as an order line in this customer's currency. */
        LineItem line(String category) {
            String[] l = lines.get(category);
            return new LineItem(l[0], null, l[1], l[2], Integer.parseInt(l[3]), Money.of(l[4], currency),
                    l[5] == null ? null : Money.of(l[5], currency), "https://shop.example.com/products/" + l[0],
                    "https://cdn.example.com/img/" + l[0] + ".jpg");
        }

        String productName(String category) {
            return lines.get(category)[1];
        }

        Money money(String amount) {
            return Money.of(amount, currency);
        }

        private static String[] line(String id, String name, String category, int quantity, String price,
                String originalPrice) {
            return new String[] {id, name, category, String.valueOf(quantity), price, originalPrice};
        }
    }

    final InMemoryCatalog catalog = new InMemoryCatalog();
    final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    private final MessageComposer composer = new MessageComposer(Templates.fromClasspath(), Fixtures.STORE,
            Policies.fromClasspath(), new Recommender(customers, catalog), catalog, Fixtures.links());

    /** A message of {@code journeyId}'s step {@code stepId} to this language's customer. */
    Message message(String journeyId, String stepId, Language language) {
        return new Message(journeyId, stepId, language);
    }

    /** Saves a product the shop sells, in {@code language}'s currency, so recommendations can name it. */
    CoffeeShop sells(Language language, String productId, String name, String category, String price) {
        catalog.saveProduct(new Product(productId, name, category, "https://shop.example.com/products/" + productId,
                "https://cdn.example.com/img/" + productId + ".jpg", language.money(price), null, null, true, NOW));
        return this;
    }

    /** What one message is about; {@link #email()} and {@link #sms()} compose it. */
    final class Message {
        private final String journeyId;
        private final String stepId;
        private final Language language;
        private final List<LineItem> lines = new ArrayList<>();
        private final Map<String, String> subject = new LinkedHashMap<>();
        private final Map<String, ReturnRecord> returns = new LinkedHashMap<>();
        private final List<PointsExpiry> expiring = new ArrayList<>();
        private List<String> about;
        private boolean withOrder = true;
        private boolean bare;
        private boolean emailMarketing = true;
        private String firstName;
        private boolean member;
        private String tier;
        private long pointsBalance;
        private Subscription subscription;

        private Message(String journeyId, String stepId, Language language) {
            this.journeyId = journeyId;
            this.stepId = stepId;
            this.language = language;
            this.firstName = language.firstName;
        }

        /** The order, one line per category, in this order; the message is about all its products unless told. */
        Message order(String... categories) {
            for (String category : categories) {
                lines.add(language.line(category));
            }
            return this;
        }

        /** The message is about these products, by the category the shop files them under. */
        Message about(String... categories) {
            about = new ArrayList<>();
            for (String category : categories) {
                about.add(language.line(category).productId());
            }
            return this;
        }

        /** A review of the first product, as Review Submitted gives it. */
        Message review(int rating, boolean hasMedia) {
            subject.put("reviewId", "rev-1");
            subject.put("productId", lines.get(0).productId());
            subject.put("rating", String.valueOf(rating));
            subject.put("hasMedia", String.valueOf(hasMedia));
            return about(lines.get(0).category());
        }

        /**
         * The review is of a product bought elsewhere or long ago: no order, so the catalog
         * describes the product.
         */
        Message withoutOrder() {
            withOrder = false;
            for (LineItem line : lines) {
                catalog.saveProduct(new Product(line.productId(), line.name(), line.category(), line.url(),
                        line.imageUrl(), line.unitPrice(), null, null, true, NOW));
            }
            return this;
        }

        /** A return of the first line at {@code status}, refunding {@code refund} (null: none stated). */
        Message returned(ReturnStatus status, String refund) {
            LineItem line = lines.get(0);
            returns.put("ret-1", new ReturnRecord("ret-1", status, NOW,
                    List.of(new ReturnItem(line.productId(), line.quantity(), null)),
                    refund == null ? null : language.money(refund)));
            subject.put("returnId", "ret-1");
            subject.put("status", status.id());
            return about(line.category());
        }

        /** The customer's loyalty standing. */
        Message loyalty(boolean member, String tier, long pointsBalance) {
            this.member = member;
            this.tier = tier;
            this.pointsBalance = pointsBalance;
            return this;
        }

        /** {@code points} expire at {@code at}; the first call is the expiry the message is about. */
        Message expiring(long points, Instant at) {
            if (expiring.isEmpty()) {
                subject.put("expiresAt", at.toString());
            }
            expiring.add(new PointsExpiry(points, at));
            return this;
        }

        /** An active subscription charging at {@link #NEXT_CHARGE}; null amount or link: not given. */
        Message subscription(String amount, String manageUrl) {
            subscription = new Subscription("sub-1", SubscriptionStatus.ACTIVE, null, NEXT_CHARGE,
                    amount == null ? null : language.money(amount), manageUrl, NOW);
            subject.put("subscriptionId", "sub-1");
            subject.put("nextChargeAt", NEXT_CHARGE.toString());
            return this;
        }

        Message firstName(String name) {
            firstName = name;
            return this;
        }

        /** Renames the first line's product, as the store's catalog might name it. */
        Message named(String name) {
            LineItem l = lines.get(0);
            lines.set(0, new LineItem(l.productId(), l.sku(), name, l.category(), l.quantity(), l.unitPrice(),
                    l.originalPrice(), l.url(), l.imageUrl()));
            return this;
        }

        /** The customer never agreed to marketing email (transactional messages still go out). */
        Message withoutEmailMarketingConsent() {
            emailMarketing = false;
            return this;
        }

        /** Every optional detail left out: no first name, no product links or images. */
        Message bare() {
            bare = true;
            firstName = null;
            return this;
        }

        EmailMessage email() {
            return composer.email(context(Channel.EMAIL), products());
        }

        SmsMessage sms() {
            return composer.sms(context(Channel.SMS), products());
        }

        Journey journey() {
            return JOURNEYS.journey(journeyId).orElseThrow();
        }

        private List<String> products() {
            return about != null ? about : lines.stream().map(LineItem::productId).toList();
        }

        private SendContext context(Channel channel) {
            Journey journey = journey();
            JourneyStep step = journey.step(stepId);
            String customerId = "cus-" + language.language;
            OrderRecord order = withOrder && !lines.isEmpty() ? order(customerId) : null;
            Map<String, String> facts = new LinkedHashMap<>(subject);
            if (order != null) {
                facts.put("orderId", order.orderId());
            }
            if (!products().isEmpty()) {
                facts.put("productIds", LedgerEntry.joinProductIds(products()));
            }
            LedgerEntry entry = LedgerEntry.planned(customerId, "m-1", journeyId, stepId, channel, journey.kind(),
                    facts, NOW, NOW);
            CustomerProfile profile = Fixtures.profile(customerId)
                    .locale(language.locale)
                    .timeZone(language.timeZone)
                    .firstName(firstName)
                    .consent(emailMarketing, true, null)
                    .build()
                    .withLoyalty(new Loyalty(member, tier, pointsBalance, expiring, NOW));
            if (subscription != null) {
                profile = profile.withSubscription(subscription);
            }
            return new SendContext(entry, journey, step, profile, order);
        }

        private OrderRecord order(String customerId) {
            List<LineItem> items = bare ? lines.stream().map(CoffeeShop::withoutLinks).toList() : lines;
            BigDecimal sum = items.stream().map(i -> i.lineTotal().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            Money total = new Money(sum, items.get(0).unitPrice().currency());
            OrderRecord order = new OrderRecord(customerId, "ord-" + language.language, language.orderNumber, PLACED,
                    items, total, null, null, null, total, OrderStatus.PLACED, null, null, null, PLACED, 1);
            for (ReturnRecord returned : returns.values()) {
                order = order.withReturn(returned);
            }
            return order;
        }
    }

    private static LineItem withoutLinks(LineItem line) {
        return new LineItem(line.productId(), line.sku(), line.name(), line.category(), line.quantity(), line.unitPrice(),
                line.originalPrice(), null, null);
    }
}
