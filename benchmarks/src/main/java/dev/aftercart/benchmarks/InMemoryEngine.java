package dev.aftercart.benchmarks;

import dev.aftercart.core.customer.Product;
import dev.aftercart.core.engine.Aftercart;
import dev.aftercart.core.engine.Ports;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import dev.aftercart.core.testing.InMemoryMessageLedger;
import dev.aftercart.core.testing.InMemorySendingReputation;
import dev.aftercart.core.testing.InMemorySmsOptOutList;
import dev.aftercart.core.testing.RecordingEmailSender;
import dev.aftercart.core.testing.RecordingEventPublisher;
import dev.aftercart.core.testing.RecordingScheduler;
import dev.aftercart.core.testing.RecordingSmsSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The engine as a function assembles it ({@link Aftercart#assemble}), with the core's in-memory
 * fakes for every port, the tests' store settings and link key, and a fixed clock. Empty on
 * construction except for the catalog, which can be given cross-sell history.
 */
final class InMemoryEngine {

    final Clock clock;
    final InMemoryMessageLedger ledger = new InMemoryMessageLedger();
    final InMemoryCustomerStore customers = new InMemoryCustomerStore(ledger);
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final LinkTokens links;
    final Aftercart aftercart;

    InMemoryEngine(StoreOwnerData data, Clock clock) {
        this.clock = clock;
        this.links = new LinkTokens(Fixtures.LINK_KEY, clock, Duration.ofDays(90));
        Ports ports = new Ports(customers, ledger, catalog, new RecordingScheduler(), new RecordingEmailSender(),
                new RecordingSmsSender(), new RecordingEventPublisher(), new InMemorySmsOptOutList(),
                new InMemorySendingReputation(1000), clock);
        this.aftercart = Aftercart.assemble(ports, Fixtures.STORE, links, data.journeys(), data.policies(),
                data.templates());
    }

    /**
     * Other shoppers bought three accessories with the order's first product, so the confirmation
     * has a full cross-sell row to look up and render, as in a store with some history.
     */
    InMemoryEngine withCrossSellFor(OrderPlaced order) {
        LineItem first = order.items().get(0);
        String[][] partners = {
            {"P-9001", "Hand Burr Grinder"},
            {"P-9002", "Gooseneck Kettle 1 L"},
            {"P-9003", "Digital Coffee Scale"},
        };
        for (int i = 0; i < partners.length; i++) {
            String id = partners[i][0];
            catalog.saveProduct(new Product(id, partners[i][1], "brewing", "https://shop.example/p/" + id,
                    "https://shop.example/img/" + id + ".jpg", first.unitPrice(), null, null, true, Instant.EPOCH));
            catalog.boughtTogether(first.productId(), id, 30 - 10L * i);
        }
        return this;
    }
}
