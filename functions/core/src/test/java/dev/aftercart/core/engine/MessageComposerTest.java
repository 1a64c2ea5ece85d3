package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.policy.SendContext;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.Templates;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.InMemoryCatalog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageComposerTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final JourneyStep step = JourneyCatalog.fromClasspath().journey("order-confirmation").orElseThrow().step("confirm");
    private final OrderRecord order = Fixtures.order("c-1", "o-1", Fixtures.item("p-1", "무선 이어폰", 1, "79000", "KRW"));
    private SendContext context(CustomerProfile profile) {
        return new SendContext(message, JourneyCatalog.fromClasspath().journey("order-confirmation").orElseThrow(), step,
                profile, order);
    }

    private final LedgerEntry message = LedgerEntry.planned("c-1", "m-1", "order-confirmation", "confirm", Channel.EMAIL,
            MessageKind.TRANSACTIONAL, Map.of("orderId", "o-1"), AT, AT);

    private static MessageComposer composer(StoreSettings store) {
        InMemoryCustomerStore customers = new InMemoryCustomerStore();
        InMemoryCatalog catalog = new InMemoryCatalog();
        return new MessageComposer(Templates.fromClasspath(), store, Policies.fromClasspath(),
                new Recommender(customers, catalog), catalog, Fixtures.links());
    }

    private static StoreSettings storeWithDefaultLocale(String locale, String zone) {
        StoreSettings s = Fixtures.STORE;
        return new StoreSettings(s.name(), s.url(), s.supportEmail(), s.postalAddress(), s.fromAddress(), s.subscribeUrl(),
                s.preferencesUrl(), ZoneId.of(zone), locale, s.unsubscribeMailto());
    }

    @Test
    void customerWithoutALocale_getsTheStoresDefaultLanguage_andItsFormats() {
        // given: a Korean store, and a customer whose locale it never learned
        CustomerProfile profile = Fixtures.profile("c-1").locale(null).timeZone(null).build();

        // when
        EmailMessage email = composer(storeWithDefaultLocale("ko-KR", "Asia/Seoul")).email(context(profile), java.util.List.of());

        // then: language and formats agree, instead of English words around Korean dates
        assertThat(email.subject()).isEqualTo("[Aftercart Demo] 주문 " + "o-1" + " 확인 안내");
        assertThat(email.text()).contains("2026년 11월 1일에 접수된 주문", "₩79,000");
    }

    @Test
    void customersOwnLocale_winsOverTheStoresDefault() {
        CustomerProfile profile = Fixtures.profile("c-1").locale("th-TH").timeZone("Asia/Bangkok").build();

        EmailMessage email = composer(storeWithDefaultLocale("ko-KR", "Asia/Seoul")).email(context(profile), java.util.List.of());

        assertThat(email.subject()).isEqualTo("Aftercart Demo: ยืนยันคำสั่งซื้อ o-1");
    }

    @Test
    void email_isAddressedFromTheStore_andTaggedWithJourneyAndMessage() {
        CustomerProfile profile = Fixtures.profile("c-1").build();

        EmailMessage email = composer(Fixtures.STORE).email(context(profile), java.util.List.of());

        assertThat(email.fromAddress()).isEqualTo("orders@shop.example");
        assertThat(email.fromName()).isEqualTo("Aftercart Demo");
        assertThat(email.to()).isEqualTo("zephyrine.quill@example.com");
        assertThat(email.tags()).isEqualTo(Map.of("journey", "order-confirmation", "message", "m-1", "customer", "c-1"));
    }
}
