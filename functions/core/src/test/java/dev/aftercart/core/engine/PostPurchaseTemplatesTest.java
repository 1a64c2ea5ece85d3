package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.OrderStatus;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ShipmentItem;
import dev.aftercart.core.event.ShipmentStatus;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.policy.SendContext;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.MimeWriter;
import dev.aftercart.core.render.SmsEncoding;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import dev.aftercart.core.testing.MimeReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every part of every post-purchase template renders, in every shipped language, for every
 * shipment notice, whole or split, with every optional detail given or missing. A template that
 * names a variable the model lacks fails here (jmustache throws), not at send time as a
 * {@code render_error}. The composer is called directly, so SMS parts are rendered for notices
 * the journey never texts, and emails for ones it never emails.
 */
class PostPurchaseTemplatesTest {

    private static final Instant AT = Instant.parse("2026-11-23T11:00:00Z");
    private static final JourneyCatalog JOURNEYS = JourneyCatalog.fromClasspath();
    private static final MessageComposer COMPOSER = new MessageComposer(Templates.fromClasspath(), Fixtures.STORE,
            Policies.fromClasspath(), new Recommender(new InMemoryCustomerStore(), new InMemoryCatalog()),
            new InMemoryCatalog(), Fixtures.links());

    /** The order fixture of each shipped language. */
    private static final Map<String, String> ORDERS = Map.of(
            "en-US", "order-placed.json", "ko-KR", "order-placed-ko.json", "th-TH", "order-placed-th.json");

    /** Each message a shipment can be about: the carrier statuses Aftercart sends for, and "everything arrived". */
    private static final List<String> NOTICES = List.of("in_transit", "out_for_delivery", "attempted_delivery", "delayed",
            "exception", "ready_for_pickup", "delivered", "returned_to_sender", "all_delivered");

    record Case(String template, String locale, String notice, boolean split, boolean bare) {
        @Override
        public String toString() {
            return template + " " + locale + " " + notice + (split ? " split" : " whole") + (bare ? " bare" : " full");
        }
    }

    static Stream<Arguments> shipmentCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String template : List.of("shipping-update", "delivery-follow-up")) {
            for (String locale : ORDERS.keySet().stream().sorted().toList()) {
                for (String notice : NOTICES) {
                    for (boolean split : List.of(false, true)) {
                        for (boolean bare : List.of(false, true)) {
                            // a whole-order shipment's delivery is plain "delivered"
                            if (!(notice.equals("all_delivered") && !split)) {
                                cases.add(Arguments.of(new Case(template, locale, notice, split, bare)));
                            }
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("shipmentCases")
    void shipmentTemplates_renderEveryPart(Case c) {
        // given
        OrderRecord order = order(c.locale(), c.notice(), c.split(), c.bare());
        String shipmentId = c.split() && !c.notice().equals("all_delivered") ? "s-1" : lastShipment(order);
        String journey = "shipping-updates";
        String step = c.template().equals("shipping-update") ? "email" : "attempted-follow-up";

        // when
        EmailMessage email = COMPOSER.email(context(c, order, journey, step, Channel.EMAIL, shipmentId), products(order));
        SmsMessage sms = COMPOSER.sms(context(c, order, journey, step, Channel.SMS, shipmentId), products(order));

        // then
        String number = order.displayNumber();
        assertThat(email.subject()).contains(number).doesNotContain("{{", "}}");
        assertThat(email.text()).contains(number).doesNotContain("{{", "&amp;", "&lt;");
        assertThat(email.html()).contains(number).contains("</html>").doesNotContain("{{");
        assertThat(sms.body()).contains(number).doesNotContain("\n", "{{");
        assertWritesAsMime(email);
        if (c.bare()) {
            assertThat(email.text()).doesNotContain("track.example");
            assertThat(sms.body()).doesNotContain("track.example");
        }
        if (c.locale().equals("en-US")) {
            // English texts stay one GSM-7 segment (160 septets), even with a 40-character tracking link
            assertThat(sms.encoding()).as(sms.body()).isEqualTo(SmsEncoding.GSM7);
            assertThat(sms.segments()).as(sms.body()).isEqualTo(1);
        } else {
            // Korean and Thai are UCS-2: a link alone takes most of a 70-unit segment, so two at most
            assertThat(sms.encoding()).as(sms.body()).isEqualTo(SmsEncoding.UCS2);
            assertThat(sms.segments()).as(sms.body()).isLessThanOrEqualTo(2);
        }
    }

    static Stream<Arguments> languagesAndShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (String locale : ORDERS.keySet().stream().sorted().toList()) {
            for (boolean split : List.of(false, true)) {
                for (boolean bare : List.of(false, true)) {
                    cases.add(Arguments.of(locale, split, bare));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} split={1} bare={2}")
    @MethodSource("languagesAndShapes")
    void shippingUpdate_hasItsOwnWordsForEachNotice(String locale, boolean split, boolean bare) {
        // given: "label_created" is a status no template has words for, so it renders only the common parts
        List<String> notices = new ArrayList<>(split ? NOTICES : NOTICES.subList(0, NOTICES.size() - 1));
        notices.add("label_created");
        Set<String> subjects = new HashSet<>();
        Set<String> texts = new HashSet<>();
        Set<String> htmls = new HashSet<>();
        Set<String> sms = new HashSet<>();

        // when
        for (String notice : notices) {
            Case c = new Case("shipping-update", locale, notice, split, bare);
            OrderRecord order = order(locale, notice, split, bare);
            String shipmentId = split && !notice.equals("all_delivered") ? "s-1" : lastShipment(order);
            EmailMessage email = COMPOSER.email(context(c, order, "shipping-updates", "email", Channel.EMAIL, shipmentId),
                    products(order));
            subjects.add(email.subject());
            texts.add(email.text());
            htmls.add(email.html());
            sms.add(COMPOSER.sms(context(c, order, "shipping-updates", "sms", Channel.SMS, shipmentId), products(order))
                    .body());
        }

        // then: every notice adds words of its own to every part; a misspelt section would read like label_created
        assertThat(subjects).hasSameSizeAs(notices);
        assertThat(texts).hasSameSizeAs(notices);
        assertThat(htmls).hasSameSizeAs(notices);
        assertThat(sms).hasSameSizeAs(notices);
    }

    @ParameterizedTest(name = "[{index}] {0} split={1} bare={2}")
    @MethodSource("languagesAndShapes")
    void marketingTemplates_renderEveryPart_forEveryStepAndProductCount(String locale, boolean split, boolean bare) {
        OrderRecord order = order(locale, "delivered", split, bare);
        List<String> all = products(order);
        for (String[] journeyStep : new String[][] {{"review-request", "request"}, {"review-request", "reminder"},
                {"product-tips", "tips"}}) {
            for (int count = 1; count <= all.size(); count++) {
                Case c = new Case(journeyStep[0], locale, "delivered", split, bare);
                EmailMessage email = COMPOSER.email(context(c, order, journeyStep[0], journeyStep[1], Channel.EMAIL,
                        lastShipment(order)), all.subList(0, count));

                assertThat(email.subject()).doesNotContain("{{").isNotBlank();
                assertThat(email.text()).contains(order.displayNumber()).doesNotContain("{{");
                assertThat(email.html()).contains("</html>").doesNotContain("{{");
                assertWritesAsMime(email);
                for (LineItem line : order.items().subList(0, count)) {
                    assertThat(email.subject()).contains(line.name());
                    assertThat(email.text()).contains("- " + line.name());
                }
            }
        }
    }

    /** SES is handed the email as MIME: it must read back as composed, within the 998-octet line limit. */
    private static void assertWritesAsMime(EmailMessage email) {
        MimeReader.Message mime = MimeReader.read(MimeWriter.write(email, AT));
        assertThat(mime.decodedHeader("Subject")).isEqualTo(email.subject());
        assertThat(mime.part("text/html").text()).isEqualTo(email.html().replace("\n", "\r\n"));
        assertThat(mime.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
    }

    // --- building the state a message is composed from ---------------------------------------

    private static SendContext context(Case c, OrderRecord order, String journeyId, String stepId, Channel channel,
            String shipmentId) {
        Journey journey = JOURNEYS.journey(journeyId).orElseThrow();
        JourneyStep step = journey.step(stepId);
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("orderId", order.orderId());
        subject.put("shipmentId", shipmentId);
        subject.put("status", c.notice().equals("all_delivered") ? "delivered" : c.notice());
        subject.put("notice", c.notice());
        subject.put("productIds", LedgerEntry.joinProductIds(products(order)));
        LedgerEntry entry = LedgerEntry.planned(order.customerId(), "m-1", journeyId, stepId, channel, journey.kind(),
                subject, AT, AT);
        CustomerProfile profile = Fixtures.profile(order.customerId())
                .locale(c.locale())
                .firstName(c.bare() ? null : "Ada")
                .consent(true, false, null)
                .build();
        return new SendContext(entry, journey, step, profile, order);
    }

    private static List<String> products(OrderRecord order) {
        return order.items().stream().map(LineItem::productId).toList();
    }

    private static String lastShipment(OrderRecord order) {
        return List.copyOf(order.shipments().keySet()).get(order.shipments().size() - 1);
    }

    /**
     * The language's fixture order with its shipments for {@code notice}: one shipment of the whole
     * order, or two parcels (the first line, then the rest) where the first has the notice's status
     * and the second is in transit, or both are delivered for "all_delivered". {@code bare} leaves
     * out every optional carrier and product detail.
     */
    private static OrderRecord order(String locale, String notice, boolean split, boolean bare) {
        OrderPlaced placed = Fixtures.orderPlaced(ORDERS.get(locale));
        List<LineItem> items = bare ? placed.items().stream().map(PostPurchaseTemplatesTest::withoutLinks).toList()
                : placed.items();
        OrderRecord order = new OrderRecord(placed.customer().customerId(), placed.orderId(), placed.orderNumber(),
                placed.placedAt(), items, placed.subtotal(), placed.discount(), placed.shipping(), placed.tax(),
                placed.total(), OrderStatus.PLACED, null, null, null, placed.occurredAt(), 1);
        if (!split) {
            return order.withShipment(shipment("s-0", status(notice), null, bare));
        }
        LineItem first = items.get(0);
        List<ShipmentItem> rest = items.subList(1, items.size()).stream()
                .map(line -> new ShipmentItem(line.productId(), line.quantity()))
                .toList();
        boolean all = notice.equals("all_delivered");
        return order
                .withShipment(shipment("s-1", status(notice), List.of(new ShipmentItem(first.productId(), 1)), bare))
                .withShipment(shipment("s-2", all ? ShipmentStatus.DELIVERED : ShipmentStatus.IN_TRANSIT, rest, bare));
    }

    private static ShipmentStatus status(String notice) {
        return ShipmentStatus.fromId(notice.equals("all_delivered") ? "delivered" : notice);
    }

    private static ShipmentRecord shipment(String id, ShipmentStatus status, List<ShipmentItem> items, boolean bare) {
        // a 40-character tracking link, as typical carrier links are
        return bare
                ? new ShipmentRecord(id, status, AT, null, null, null, null, items)
                : new ShipmentRecord(id, status, AT, "UPS", "1Z999AA10123456784",
                        "https://track.example/1Z999AA10123456784", Instant.parse("2026-11-24T12:00:00Z"), items);
    }

    private static LineItem withoutLinks(LineItem line) {
        return new LineItem(line.productId(), line.sku(), line.name(), line.category(), line.quantity(), line.unitPrice(),
                line.originalPrice(), null, null);
    }
}
