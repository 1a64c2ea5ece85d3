package dev.aftercart.infra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.aftercart.core.event.CustomerUpdated;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ProductUpdated;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code infra/events/simulate/samples.jsonl}, the input the local runner replays by default: each
 * line is a valid contract event except the deliberately invalid ones, and together the lines tell
 * the story infra/events/README.md promises, so the run shows what it claims to show.
 */
class SimulationInputTest {

    /** The deliberately invalid events, by event id, and the fields their rejection must name. */
    private static final Map<String, Set<String>> INVALID = Map.of(
            "9ce35b3f-4ee6-4c70-90f8-3c5eb7fa6f72", Set.of("detail.total", "detail.customer.phone"));

    record Line(int number, String text, Map<String, Object> event) {

        String id() {
            return (String) event.get("id");
        }

        String detailType() {
            return EventJson.detailType(event);
        }

        Instant time() {
            return Instant.parse((String) event.get("time"));
        }

        boolean deliberatelyInvalid() {
            return INVALID.containsKey(id());
        }

        @Override
        public String toString() {
            return "line " + number + " " + detailType() + " " + id();
        }
    }

    static List<Line> lines() {
        List<String> texts = ContractFiles.lines(ContractFiles.simulation());
        return IntStream.range(0, texts.size())
                .mapToObj(i -> new Line(i + 1, texts.get(i), EventJson.parse(texts.get(i))))
                .toList();
    }

    /** The accepted events in replay order, as the parser hands them to the engine. */
    static List<ShopEvent> acceptedEvents() {
        return lines().stream().filter(line -> !line.deliberatelyInvalid())
                .map(line -> ParserJudge.parse(line.text()))
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> line_isJsonWithAKnownDetailType() {
        List<String> texts = ContractFiles.lines(ContractFiles.simulation());
        Set<String> known = EventContractTest.parsedDetailTypes();
        return IntStream.range(0, texts.size()).mapToObj(i -> dynamicTest("line " + (i + 1), () -> {
            Object json = Json.parse(texts.get(i));

            assertThat(json).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) json).get("detail-type")).isIn(known.toArray());
        }));
    }

    @TestFactory
    Stream<DynamicTest> line_isValidAndParses() {
        return lines().stream().filter(line -> !line.deliberatelyInvalid())
                .map(line -> dynamicTest(line.toString(), () -> {
                    Verdict schema = SchemaJudge.judge(line.text(), line.detailType());
                    Verdict parser = ParserJudge.judge(line.text());

                    assertThat(schema.accepted()).as("schema: %s", schema).isTrue();
                    assertThat(parser.accepted()).as("parser: %s", parser).isTrue();
                }));
    }

    @Test
    void simulation_containsTheDeliberatelyInvalidEvents() {
        assertThat(lines()).filteredOn(Line::deliberatelyInvalid).extracting(Line::id)
                .containsExactlyInAnyOrderElementsOf(INVALID.keySet());
    }

    @TestFactory
    Stream<DynamicTest> invalidLine_isRejectedByBothNamingItsFields() {
        return lines().stream().filter(Line::deliberatelyInvalid).map(line -> dynamicTest(line.toString(), () -> {
            Set<String> fields = INVALID.get(line.id());

            Verdict schema = SchemaJudge.judge(line.text(), line.detailType());
            Verdict parser = ParserJudge.judge(line.text());

            assertThat(schema.accepted()).isFalse();
            assertThat(schema.fields()).as("schema: %s", schema).containsAll(fields);
            assertThat(parser.accepted()).isFalse();
            assertThat(parser.fields()).as("parser: %s", parser).containsExactlyInAnyOrderElementsOf(fields);
        }));
    }

    @Test
    void lines_areInTimeOrder() {
        List<Instant> times = lines().stream().map(Line::time).toList();

        assertThat(times).isSorted();
    }

    @Test
    void simulation_hasASmallCatalogWithOneInactiveProduct() {
        Map<String, ProductUpdated> latest = new LinkedHashMap<>();
        acceptedEvents().stream().filter(ProductUpdated.class::isInstance).map(ProductUpdated.class::cast)
                .forEach(product -> latest.put(product.productId(), product));

        assertThat(latest).hasSizeBetween(6, 8);
        assertThat(latest.values().stream().map(ProductUpdated::category).distinct()).hasSizeBetween(2, 3);
        assertThat(latest.values()).filteredOn(p -> !p.active()).hasSize(1);
        assertThat(latest.values()).allSatisfy(p -> assertThat(p.usageDays()).isNotNull());
        assertThat(latest.values()).anySatisfy(p -> assertThat(p.replenishAfterDays()).isNotNull());
    }

    @Test
    void simulation_hasCustomersInEnglishKoreanAndThai() {
        Set<String> locales = new HashSet<>();
        orders().forEach(order -> locales.add(order.customer().locale()));

        assertThat(locales).contains("en-US", "ko-KR", "th-TH");
    }

    @Test
    void simulation_redeliversOneEventAndRepublishesItsOrderUnderANewId() {
        Map<String, List<Line>> byId = new LinkedHashMap<>();
        lines().forEach(line -> byId.computeIfAbsent(line.id(), id -> new ArrayList<>()).add(line));
        List<List<Line>> redelivered = byId.values().stream().filter(same -> same.size() > 1).toList();

        assertThat(redelivered).hasSize(1);
        List<Line> twice = redelivered.getFirst();
        assertThat(twice).extracting(Line::text).as("a redelivery is the identical envelope")
                .containsOnly(twice.getFirst().text());
        String orderId = orderId(twice.getFirst());
        Set<String> eventIds = new HashSet<>();
        lines().stream().filter(line -> !line.deliberatelyInvalid() && orderId.equals(orderId(line))
                && line.detailType().equals(OrderPlaced.DETAIL_TYPE)).forEach(line -> eventIds.add(line.id()));
        assertThat(eventIds).as("event ids of order %s", orderId).hasSize(2);
    }

    @Test
    void simulation_hasACustomerWhoRefusesOrderTexts() {
        assertThat(orders()).anySatisfy(order -> {
            assertThat(order.customer().phone()).isNotNull();
            assertThat(order.customer().consent().smsTransactional()).isFalse();
        });
    }

    @Test
    void simulation_hasCustomersWithAndWithoutEmailMarketingConsent() {
        assertThat(orders()).anySatisfy(order -> assertThat(order.customer().consent().emailMarketing()).isTrue());
        assertThat(orders())
                .anySatisfy(order -> assertThat(order.customer().consent().emailMarketing()).isNotEqualTo(true));
    }

    @Test
    void simulation_updatesACustomer() {
        assertThat(acceptedEvents()).hasAtLeastOneElementOfType(CustomerUpdated.class);
    }

    @Test
    void simulation_cancelsAnOrderAMinuteAfterItWasPlaced() {
        Map<String, OrderPlaced> placed = new HashMap<>();
        orders().forEach(order -> placed.putIfAbsent(order.orderId(), order));

        assertThat(acceptedEvents()).filteredOn(OrderCancelled.class::isInstance).map(OrderCancelled.class::cast)
                .anySatisfy(cancel -> {
                    OrderPlaced order = placed.get(cancel.orderId());
                    assertThat(order).isNotNull();
                    assertThat(Duration.between(order.occurredAt(), cancel.occurredAt()))
                            .isEqualTo(Duration.ofMinutes(1));
                });
    }

    /** Item-to-item cross-sell needs products bought together earlier that this customer has not bought. */
    @Test
    void simulation_buildsCoPurchasesThatALaterOrderCanRecommend() {
        Map<String, Set<String>> boughtWith = new HashMap<>();
        Map<String, Set<String>> boughtBy = new HashMap<>();
        Set<String> seenOrders = new HashSet<>();
        int confirmationsWithCandidates = 0;
        for (OrderPlaced order : orders()) {
            if (!seenOrders.add(order.orderId())) {
                continue;
            }
            Set<String> items = new HashSet<>(order.items().stream().map(LineItem::productId).toList());
            Set<String> owned = boughtBy.computeIfAbsent(order.customer().customerId(), c -> new HashSet<>());
            owned.addAll(items);
            Set<String> candidates = new HashSet<>();
            items.forEach(item -> candidates.addAll(boughtWith.getOrDefault(item, Set.of())));
            candidates.removeAll(owned);
            if (!candidates.isEmpty()) {
                confirmationsWithCandidates++;
            }
            items.forEach(item -> items.stream().filter(other -> !other.equals(item))
                    .forEach(other -> boughtWith.computeIfAbsent(item, i -> new HashSet<>()).add(other)));
        }

        assertThat(confirmationsWithCandidates).isGreaterThanOrEqualTo(2);
    }

    private static List<OrderPlaced> orders() {
        return acceptedEvents().stream().filter(OrderPlaced.class::isInstance).map(OrderPlaced.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static String orderId(Line line) {
        Object detail = line.event().get("detail");
        return detail instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("orderId") : null;
    }
}
