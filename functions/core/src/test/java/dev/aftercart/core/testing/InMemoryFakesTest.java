package dev.aftercart.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CoPurchase;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.render.EmailMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fakes keep the ports' contracts, so tests that use them prove something about production. */
class InMemoryFakesTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void customerStore_savesAProfileWithExpectedVersionZero_onlyWhenNoneIsStored() {
        InMemoryCustomerStore store = new InMemoryCustomerStore();
        CustomerProfile profile = Fixtures.profile("c-1").build();

        assertThat(store.saveProfile(profile, 0)).isTrue();
        assertThat(store.saveProfile(profile, 0)).isFalse();
    }

    @Test
    void customerStore_savesAProfile_onlyAgainstTheStoredVersion() {
        InMemoryCustomerStore store = new InMemoryCustomerStore();
        store.saveProfile(Fixtures.profile("c-1").version(1).build(), 0);

        assertThat(store.saveProfile(Fixtures.profile("c-1").firstName("A").version(3).build(), 2)).isFalse();
        assertThat(store.saveProfile(Fixtures.profile("c-1").firstName("B").version(2).build(), 1)).isTrue();
        assertThat(store.profile("c-1").orElseThrow().firstName()).isEqualTo("B");
    }

    @Test
    void customerStore_savesAnOrder_onlyAgainstTheStoredVersion_andFindsItsCustomer() {
        InMemoryCustomerStore store = new InMemoryCustomerStore();
        OrderRecord order = Fixtures.order("c-1", "o-1", Fixtures.item("p-1", "Shoe", 1, "79.00", "USD"));

        assertThat(store.saveOrder(order, 1)).isFalse();
        assertThat(store.saveOrder(order, 0)).isTrue();
        assertThat(store.saveOrder(order.cancelled("r", T), 0)).isFalse();
        assertThat(store.saveOrder(order.cancelled("r", T), 1)).isTrue();
        assertThat(store.customerIdForOrder("o-1")).contains("c-1");
        assertThat(store.orders("c-1")).singleElement().satisfies(o -> assertThat(o.isCancelled()).isTrue());
    }

    @Test
    void ledger_insertFails_whenTheMessageIdExists() {
        InMemoryMessageLedger ledger = new InMemoryMessageLedger();
        LedgerEntry entry = LedgerEntry.planned("c-1", "m-1", "j", "s", Channel.EMAIL, MessageKind.TRANSACTIONAL, Map.of(), T, T);

        assertThat(ledger.insert(entry)).isTrue();
        assertThat(ledger.insert(entry.claimed(T))).isFalse();
        assertThat(ledger.find("c-1", "m-1")).contains(entry);
    }

    @Test
    void ledger_updates_onlyAgainstTheStoredVersion() {
        InMemoryMessageLedger ledger = new InMemoryMessageLedger();
        LedgerEntry entry = LedgerEntry.planned("c-1", "m-1", "j", "s", Channel.EMAIL, MessageKind.TRANSACTIONAL, Map.of(), T, T);

        assertThat(ledger.update(entry.claimed(T), entry.version())).as("absent").isFalse();
        ledger.insert(entry);
        assertThat(ledger.update(entry.claimed(T), entry.version() + 1)).as("stale version").isFalse();
        assertThat(ledger.update(entry.claimed(T), entry.version())).isTrue();
        assertThat(ledger.update(entry.claimed(T), entry.version())).as("second claim").isFalse();
    }

    @Test
    void catalog_keepsTheNewerDescription() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        Product newer = product("p-1", "New", T);

        assertThat(catalog.saveProduct(newer)).isTrue();
        assertThat(catalog.saveProduct(product("p-1", "Old", T.minusSeconds(1)))).isFalse();
        assertThat(catalog.product("p-1")).contains(newer);
    }

    @Test
    void catalog_describesProductsFromOrderLines_untilTheCatalogDescribesThem() {
        // given
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.recordPurchase(List.of(Fixtures.item("p-1", "From the order", 1, "9.00", "USD")), T);

        // when: even an older catalog description wins over a line's
        boolean saved = catalog.saveProduct(product("p-1", "From the catalog", T.minus(Duration.ofDays(30))));

        // then
        assertThat(saved).isTrue();
        assertThat(catalog.product("p-1").orElseThrow().name()).isEqualTo("From the catalog");
    }

    @Test
    void catalog_countsEachPairOfAnOrdersProducts_bothWays() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.recordPurchase(List.of(Fixtures.item("a", "A", 1, "1", "USD"), Fixtures.item("b", "B", 2, "1", "USD"),
                Fixtures.item("c", "C", 1, "1", "USD")), T);
        catalog.recordPurchase(List.of(Fixtures.item("a", "A", 1, "1", "USD"), Fixtures.item("c", "C", 1, "1", "USD")), T);

        assertThat(catalog.boughtWith("a", 10)).containsExactly(new CoPurchase("c", 2), new CoPurchase("b", 1));
        assertThat(catalog.boughtWith("b", 10)).containsExactly(new CoPurchase("a", 1), new CoPurchase("c", 1));
        assertThat(catalog.boughtWith("a", 1)).containsExactly(new CoPurchase("c", 2));
    }

    @Test
    void emailSender_recordsEveryMessage_andAnswersFromItsScript() {
        RecordingEmailSender sender = new RecordingEmailSender().thenRespond(new Delivery.Refused("Throttling", false));
        EmailMessage message = new EmailMessage("m", "f@shop.example", "Shop", "t@example.com", "s", "h", "t", Map.of(), Map.of());

        assertThat(sender.send(message)).isEqualTo(new Delivery.Refused("Throttling", false));
        assertThat(sender.send(message)).isEqualTo(new Delivery.Accepted("ses-2"));
        assertThat(sender.count()).isEqualTo(2);
    }

    @Test
    void scheduler_forgetsCancelledSchedules() {
        RecordingScheduler scheduler = new RecordingScheduler();
        scheduler.schedule("a", "c-1", "m-1", T);
        scheduler.schedule("b", "c-1", "m-2", T);

        scheduler.cancel("a");

        assertThat(scheduler.pending()).extracting(RecordingScheduler.Schedule::name).containsExactly("b");
        assertThat(scheduler.scheduled()).hasSize(2);
    }

    @Test
    void clock_movesOnlyWhenTold_andItsZonedViewsMoveWithIt() {
        MutableClock clock = MutableClock.at("2026-11-20T10:00:00Z");
        MutableClock seoul = clock.withZone(ZoneId.of("Asia/Seoul"));

        clock.advance(Duration.ofMinutes(5));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-20T10:05:00Z"));
        assertThat(seoul.instant()).isEqualTo(clock.instant());
        assertThat(seoul.getZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
    }

    private static Product product(String id, String name, Instant at) {
        return new Product(id, name, null, null, null, Money.of("1.00", "USD"), null, null, true, at);
    }
}
