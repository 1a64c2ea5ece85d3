package dev.aftercart.core.event;

import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.remove;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventParserTest {

    private final EventParser parser = EventParser.forAllDetailTypes();

    @Test
    void parse_readsOrderPlaced_withExactMoneyAndItems() {
        // given
        Map<String, Object> json = event("order-placed.json");

        // when
        OrderPlaced order = (OrderPlaced) parser.parse(json);

        // then
        assertThat(order.orderId()).isEqualTo("o-1001");
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(order.customer().customerId()).isEqualTo("c-1001");
        assertThat(order.customer().consent()).isEqualTo(new ConsentDetails(false, false, null));
        assertThat(order.items()).hasSize(2);
        assertThat(order.items().get(0).unitPrice()).isEqualTo(new Money(new BigDecimal("79.00"), Currency.getInstance("USD")));
        assertThat(order.items().get(0).originalPrice().amount()).isEqualByComparingTo("99.00");
        assertThat(order.items().get(1).originalPrice()).isNull();
        assertThat(order.total().amount()).isEqualTo(new BigDecimal("107.32"));
        assertThat(order.shippingCountry()).isEqualTo("US");
        assertThat(order.shippingRegion()).isEqualTo("US-CA");
    }

    @Test
    void parse_readsOrderCancelled_customerUpdated_andProductUpdated() {
        assertThat(parser.parse(event("order-cancelled.json")))
                .isEqualTo(new OrderCancelled("o-1001", "c-1001", "customer_request", Instant.parse("2026-11-20T10:05:00Z")));
        CustomerUpdated updated = (CustomerUpdated) parser.parse(event("customer-updated.json"));
        assertThat(updated.customer().consent()).isEqualTo(new ConsentDetails(true, false, false));
        assertThat(updated.customer().phone()).isNull();
        ProductUpdated product = (ProductUpdated) parser.parse(event("product-updated.json"));
        assertThat(product.price()).isEqualTo(Money.of("24.00", "USD"));
        assertThat(product.usageDays()).isEqualTo(14);
        assertThat(product.active()).isTrue();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("detail.orderId", "is required", j -> remove(j, "detail.orderId")),
                rule("detail.orderId", "must be a non-empty string", j -> set(j, "detail.orderId", " ")),
                rule("detail.orderId", "without control characters", j -> set(j, "detail.orderId", "o-1\n")),
                rule("detail.orderId", "must be a non-empty string", j -> set(j, "detail.orderId", new BigDecimal("1001"))),
                rule("detail.placedAt", "ISO 8601 UTC instant", j -> set(j, "detail.placedAt", "20/11/2026")),
                rule("detail.currency", "ISO 4217", j -> set(j, "detail.currency", "usd")),
                rule("detail.currency", "ISO 4217", j -> set(j, "detail.currency", "ABC")),
                rule("detail.customer", "is required", j -> remove(j, "detail.customer")),
                rule("detail.customer", "must be an object", j -> set(j, "detail.customer", "c-1001")),
                rule("detail.customer.customerId", "is required", j -> remove(j, "detail.customer.customerId")),
                rule("detail.customer.email", "email address", j -> set(j, "detail.customer.email", "not-an-address")),
                rule("detail.customer.phone", "E.164", j -> set(j, "detail.customer.phone", "(415) 555-0123")),
                rule("detail.customer.firstName", "must be a non-empty string", j -> set(j, "detail.customer.firstName", "")),
                rule("detail.customer.locale", "BCP 47", j -> set(j, "detail.customer.locale", "en_US")),
                rule("detail.customer.timeZone", "IANA", j -> set(j, "detail.customer.timeZone", "Mars/Olympus_Mons")),
                rule("detail.customer.region", "ISO 3166-2", j -> set(j, "detail.customer.region", "California")),
                rule("detail.customer.consent.emailMarketing", "true or false",
                        j -> set(j, "detail.customer.consent.emailMarketing", "yes")),
                rule("detail.items", "is required", j -> remove(j, "detail.items")),
                rule("detail.items", "must be an array", j -> set(j, "detail.items", Map.of())),
                rule("detail.items", "from 1 to 100 items", j -> set(j, "detail.items", new ArrayList<>())),
                rule("detail.items", "from 1 to 100 items",
                        j -> set(j, "detail.items", new ArrayList<>(Collections.nCopies(101, item(j))))),
                rule("detail.items[1]", "must be an object", j -> set(j, "detail.items[1]", "p-200")),
                rule("detail.items[0].productId", "is required", j -> remove(j, "detail.items[0].productId")),
                rule("detail.items[1].name", "is required", j -> remove(j, "detail.items[1].name")),
                rule("detail.items[0].quantity", "integer from 1 to 10000", j -> set(j, "detail.items[0].quantity", BigDecimal.ZERO)),
                rule("detail.items[0].quantity", "integer from 1 to 10000", j -> set(j, "detail.items[0].quantity", new BigDecimal("1.5"))),
                rule("detail.items[0].quantity", "integer from 1 to 10000", j -> set(j, "detail.items[0].quantity", "2")),
                rule("detail.items[0].unitPrice", "money is never a JSON number",
                        j -> set(j, "detail.items[0].unitPrice", new BigDecimal("79.00"))),
                rule("detail.items[0].unitPrice", "non-negative decimal string", j -> set(j, "detail.items[0].unitPrice", "-1.00")),
                rule("detail.items[0].unitPrice", "non-negative decimal string", j -> set(j, "detail.items[0].unitPrice", "1,299.00")),
                rule("detail.items[0].originalPrice", "non-negative decimal string",
                        j -> set(j, "detail.items[0].originalPrice", "99.0.0")),
                rule("detail.items[0].url", "absolute http or https URL", j -> set(j, "detail.items[0].url", "javascript:alert(1)")),
                rule("detail.total", "is required", j -> remove(j, "detail.total")),
                rule("detail.shippingAddress.country", "ISO 3166-1 alpha-2", j -> set(j, "detail.shippingAddress.country", "USA")),
                rule("detail.occurredAt", "is required", j -> remove(j, "detail.occurredAt")),
                rule("id", "is required", j -> remove(j, "id")),
                rule("source", "is required", j -> remove(j, "source")),
                rule("detail-type", "is required", j -> remove(j, "detail-type")),
                rule("time", "ISO 8601 UTC instant", j -> set(j, "time", "yesterday")),
                rule("detail", "must be an object", j -> set(j, "detail", List.of())));
    }

    private static Object item(Map<String, Object> json) {
        return ((List<?>) ((Map<?, ?>) json.get("detail")).get("items")).get(0);
    }

    private static Arguments rule(String field, String ruleText, UnaryOperator<Map<String, Object>> breakIt) {
        return Arguments.of(field, ruleText, breakIt);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("brokenRules")
    void parse_rejectsEachBrokenRule_namingTheExactField(String field, String ruleText,
            UnaryOperator<Map<String, Object>> breakIt) {
        // given
        Map<String, Object> json = breakIt.apply(event("order-placed.json"));

        // when / then
        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).field()).isEqualTo(field);
                    assertThat(e.violations().get(0).rule()).contains(ruleText);
                });
    }

    @Test
    void parse_reportsEveryViolationOfTheDetailAtOnce() {
        // given
        Map<String, Object> json = event("order-placed.json");
        remove(json, "detail.orderId");
        set(json, "detail.customer.phone", "555-0123");
        set(json, "detail.items[0].unitPrice", new BigDecimal("79"));
        remove(json, "detail.items[1].quantity");
        set(json, "detail.total", "lots");

        // when / then
        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactlyInAnyOrder("detail.orderId", "detail.customer.phone", "detail.items[0].unitPrice",
                                "detail.items[1].quantity", "detail.total"));
    }

    @Test
    void parse_rejectsWithAMessageThatNamesFieldAndRule_butNeverTheValue() {
        // given
        Map<String, Object> json = set(event("order-placed.json"), "detail.customer.email", "zephyrine at example.com");

        // when / then
        assertThatThrownBy(() -> parser.parse(json))
                .hasMessage("invalid event: detail.customer.email: must be an email address")
                .hasMessageNotContaining("zephyrine");
    }

    @Test
    void parse_ignoresUnknownFields_atEveryLevel() {
        // given
        Map<String, Object> json = event("order-placed.json");
        set(json, "shopVersion", "2.4");
        set(json, "detail.giftWrap", true);
        set(json, "detail.customer.loyaltyId", "L-1");
        set(json, "detail.items[0].colour", "red");

        // when
        OrderPlaced order = (OrderPlaced) parser.parse(json);

        // then
        assertThat(order).isEqualTo(parser.parse(event("order-placed.json")));
    }

    @Test
    void parse_treatsNullAsAbsent_forOptionalFields() {
        // given
        Map<String, Object> json = event("order-placed.json");
        set(json, "detail.orderNumber", null);
        set(json, "detail.customer.email", null);
        set(json, "detail.customer.consent", null);
        set(json, "detail.items[0].originalPrice", null);
        set(json, "detail.shippingAddress", null);

        // when
        OrderPlaced order = (OrderPlaced) parser.parse(json);

        // then
        assertThat(order.orderNumber()).isNull();
        assertThat(order.customer().email()).isNull();
        assertThat(order.customer().consent()).isEqualTo(ConsentDetails.UNSTATED);
        assertThat(order.items().get(0).originalPrice()).isNull();
        assertThat(order.shippingCountry()).isNull();
    }

    @Test
    void parse_treatsNullAsAbsent_forRequiredFields() {
        Map<String, Object> json = set(event("order-placed.json"), "detail.total", null);

        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.violations()).containsExactly(new Violation("detail.total", "is required")));
    }

    @Test
    void parse_rejectsADetailTypeTheParserWasNotBuiltFor() {
        // given a parser for the order-events function's cancellations only
        EventParser cancellationsOnly = new EventParser(Set.of(OrderCancelled.DETAIL_TYPE));

        // when / then
        assertThatThrownBy(() -> cancellationsOnly.parse(event("order-placed.json")))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("detail-type", "must be one of Order Cancelled")));
    }

    @Test
    void parse_rejectsAnUnknownDetailType() {
        Map<String, Object> json = set(event("order-placed.json"), "detail-type", "Order Teleported");

        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("detail-type"));
    }

    @Test
    void parse_requiresACurrency_whenAProductHasAPrice() {
        Map<String, Object> json = remove(event("product-updated.json"), "detail.currency");

        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("detail.currency", "is required when price is given")));
    }

    @Test
    void parse_defaultsAProductToActive_whenActiveIsAbsent() {
        Map<String, Object> json = remove(event("product-updated.json"), "detail.active");

        assertThat(((ProductUpdated) parser.parse(json)).active()).isTrue();
    }
}
