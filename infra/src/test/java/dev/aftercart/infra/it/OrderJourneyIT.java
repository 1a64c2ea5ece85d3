package dev.aftercart.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The order journey on the emulator, through the order-events handler Lambda runs, wired by
 * {@code AwsWiring} from the template's environment: DynamoDB holds what it recorded and planned,
 * SES v2 and SNS really sent the confirmation, and the emulator's inspection endpoints show it.
 * Email and SMS are checked apart, so an emulator without SES v2 (LocalStack Community) still runs
 * the SMS side.
 */
@ExtendWith(EmulatorExtension.class)
class OrderJourneyIT {

    /** Sends are synchronous; this only bounds an emulator that records them a little later. */
    static final Duration RECORDED = Duration.ofSeconds(10);

    private final EmulatorStack stack;
    private final Inspection inspection;

    OrderJourneyIT(EmulatorStack stack) {
        this.stack = stack;
        this.inspection = stack.emulator().inspection();
    }

    @Test
    void orderPlaced_writesProfileOrderAndSmsConfirmationSent_toTheTable() {
        // Given an emulator that sends SMS (where it lacks SES, the email fails and is recorded so, not thrown)
        stack.smsApi().require();
        TestOrder order = stack.nextOrder();

        // When the order-events function handles the Order Placed event
        EmulatorStack.invoke(stack.orderEventsHandler(), order.envelope());

        // Then the customer's partition holds the profile, the order and the SMS confirmation, sent
        Map<String, Map<String, AttributeValue>> items = stack.customerItems(order.customerId());
        assertThat(items).containsKeys("PROFILE", "O#" + order.orderId());
        assertThat(items.get("PROFILE").get("email").s()).isEqualTo(order.email());
        assertThat(ledger(items, "order-confirmation"))
                .filteredOn(item -> item.get("channel").s().equals("sms"))
                .singleElement()
                .satisfies(OrderJourneyIT::assertSent);
    }

    @Test
    void orderPlaced_writesEmailConfirmationSent_toTheTable() {
        // Given an emulator that sends email
        stack.sesIdentity().require();
        TestOrder order = stack.nextOrder();

        // When the order-events function handles the Order Placed event
        EmulatorStack.invoke(stack.orderEventsHandler(), order.envelope());

        // Then the customer's partition holds the email confirmation, sent
        assertThat(ledger(stack.customerItems(order.customerId()), "order-confirmation"))
                .filteredOn(item -> item.get("channel").s().equals("email"))
                .singleElement()
                .satisfies(OrderJourneyIT::assertSent);
    }

    @Test
    void orderPlaced_emailsTheConfirmation_foundAtTheEmulatorsInspectionEndpoint() {
        // Given an emulator that sends email and shows what it sent
        stack.sesIdentity().require();
        requireEmailInspection();
        TestOrder order = stack.nextOrder();

        // When the order-events function handles the Order Placed event
        EmulatorStack.invoke(stack.orderEventsHandler(), order.envelope());

        // Then one email went to the customer, from the store's sender
        List<Map<String, Object>> emails = await(() -> inspection.emailsTo(order.email()).orElseThrow(), 1);
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).toString()).contains(stack.senderEmail());
        assertThat(ledger(stack.customerItems(order.customerId()), "order-confirmation"))
                .filteredOn(item -> item.get("channel").s().equals("email"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("status").s()).isEqualTo("sent"));
    }

    @Test
    void orderPlaced_textsTheConfirmation_foundAtTheEmulatorsInspectionEndpoint() {
        // Given an emulator that sends SMS and shows what it sent
        stack.smsApi().require();
        requireSmsInspection();
        TestOrder order = stack.nextOrder();

        // When the order-events function handles the Order Placed event
        EmulatorStack.invoke(stack.orderEventsHandler(), order.envelope());

        // Then one text about this order went to the customer's number
        List<Map<String, Object>> texts = await(() -> inspection.smsTo(order.phone()).orElseThrow().stream()
                .filter(sms -> sms.toString().contains(order.orderNumber()))
                .toList(), 1);
        assertThat(texts).hasSize(1);
        assertThat(ledger(stack.customerItems(order.customerId()), "order-confirmation"))
                .filteredOn(item -> item.get("channel").s().equals("sms"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("status").s()).isEqualTo("sent"));
    }

    @Test
    void duplicateDelivery_sendsOneEmail() {
        // Given an emulator that sends email and shows what it sent
        stack.sesIdentity().require();
        requireEmailInspection();
        TestOrder order = stack.nextOrder();

        // When EventBridge delivers the same envelope twice, to two containers of the function
        EmulatorStack.invoke(stack.orderEventsHandler(), order.envelope());
        EmulatorStack.invoke(stack.orderEventsHandler(), order.envelope());

        // Then the customer got one confirmation email, and the ledger has one, sent
        await(() -> inspection.emailsTo(order.email()).orElseThrow(), 1);
        assertThat(settled(() -> inspection.emailsTo(order.email()).orElseThrow())).hasSize(1);
        assertThat(ledger(stack.customerItems(order.customerId()), "order-confirmation"))
                .filteredOn(item -> item.get("channel").s().equals("email"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("status").s()).isEqualTo("sent"));
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The ledger entries ({@code M#…}) of one journey. */
    static List<Map<String, AttributeValue>> ledger(Map<String, Map<String, AttributeValue>> items, String journeyId) {
        return items.entrySet().stream()
                .filter(item -> item.getKey().startsWith("M#"))
                .map(Map.Entry::getValue)
                .filter(item -> item.containsKey("journeyId") && journeyId.equals(item.get("journeyId").s()))
                .toList();
    }

    /** A ledger entry recorded sent, with the provider's message id. */
    private static void assertSent(Map<String, AttributeValue> entry) {
        assertThat(entry.get("sk").s()).startsWith("M#");
        assertThat(entry.get("status").s()).as("status of the %s confirmation", entry.get("channel").s()).isEqualTo("sent");
        assertThat(entry.get("providerMessageId").s()).isNotBlank();
    }

    private void requireEmailInspection() {
        Optional<?> endpoint = inspection.emailsTo("nobody@example.invalid");
        Assumptions.assumeTrue(endpoint.isPresent(), () -> stack.emulator().description() + " serves no sent-email"
                + " inspection endpoint (" + inspection.emailEndpoint() + "), so the email it sent cannot be looked up"
                + " and this test cannot run there.");
    }

    private void requireSmsInspection() {
        Optional<?> endpoint = inspection.smsTo("+10000000000");
        Assumptions.assumeTrue(endpoint.isPresent(), () -> stack.emulator().description() + " serves no sent-SMS"
                + " inspection endpoint (" + inspection.smsEndpoints() + "), so the text it sent cannot be looked up"
                + " and this test cannot run there.");
    }

    /** Polls until at least {@code count} are found, or {@link #RECORDED} passes; returns the last answer. */
    static <T> List<T> await(Supplier<List<T>> found, int count) {
        Instant deadline = Instant.now().plus(RECORDED);
        List<T> last = found.get();
        while (last.size() < count && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(250));
            last = found.get();
        }
        return last;
    }

    /** The answer after a short wait, so a send recorded late would be counted too. */
    static <T> List<T> settled(Supplier<List<T>> found) {
        pause(Duration.ofSeconds(2));
        return found.get();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
