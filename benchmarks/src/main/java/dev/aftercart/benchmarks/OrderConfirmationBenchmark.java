package dev.aftercart.benchmarks;

import dev.aftercart.aws.ses.SesEmailSender;
import dev.aftercart.core.engine.MessageComposer;
import dev.aftercart.core.engine.Recommender;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.policy.SendContext;
import dev.aftercart.core.policy.SendPolicy;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.MimeWriter;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.functions.orders.OrderEventsHandler;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The order confirmation, from the customer's state to the bytes SES receives, in each language
 * the templates ship. Setup runs the sample order through the engine once, so the customer, the
 * order and the ledger entries are exactly what dispatch sees; the catalog has a cross-sell row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {LambdaJvm.TIERED, LambdaJvm.C1_ONLY})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class OrderConfirmationBenchmark {

    static final String JOURNEY = "order-confirmation";

    @Param({"en-US", "ko-KR", "th-TH"})
    public String locale;

    private MessageComposer composer;
    private SendContext emailContext;
    private SendContext smsContext;
    private List<String> emailProducts;
    private List<String> smsProducts;
    private EmailMessage email;
    private Instant now;
    private SesEmailSender ses;

    @Setup
    public void placeSampleOrder() {
        DiscardedLogs.install();
        StoreOwnerData data = StoreOwnerData.fromClasspath();
        String envelope = Samples.orderPlaced(locale);
        OrderPlaced order = Samples.parsed(envelope);
        InMemoryEngine engine = new InMemoryEngine(data, Samples.arrivalOf(envelope)).withCrossSellFor(order);
        engine.aftercart.intake(OrderEventsHandler.DETAIL_TYPES).accept(Json.parseObject(envelope));
        now = engine.clock.instant();

        SendPolicy policy = new SendPolicy(data.policies().sendRules(), Fixtures.STORE.defaultTimeZone());
        emailContext = sentContext(engine, data, order, Channel.EMAIL);
        smsContext = sentContext(engine, data, order, Channel.SMS);
        emailProducts = policy.products(emailContext, now);
        smsProducts = policy.products(smsContext, now);
        composer = new MessageComposer(data.templates(), Fixtures.STORE, data.policies(),
                new Recommender(engine.customers, engine.catalog, data.policies().sendRules()), engine.catalog,
                engine.links);
        email = composer.email(emailContext, emailProducts);
        if (!email.html().contains("Hand Burr Grinder")) {
            throw new IllegalStateException("the " + locale + " confirmation should show the cross-sell row");
        }
        ses = new SesEmailSender(CannedSesHttpClient.sesClient(), "aftercart", engine.clock);
        if (!(ses.send(email) instanceof Delivery.Accepted)) {
            throw new IllegalStateException("the SES adapter should have its send accepted");
        }
    }

    /** The confirmation the engine sent on this channel, with the state dispatch loaded for it. */
    private static SendContext sentContext(InMemoryEngine engine, StoreOwnerData data, OrderPlaced order,
            Channel channel) {
        String customerId = order.customer().customerId();
        LedgerEntry entry = engine.ledger.forCustomer(customerId).stream()
                .filter(e -> e.journeyId().equals(JOURNEY) && e.channel() == channel)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + JOURNEY + " " + channel.id() + " was planned"));
        if (entry.status() != MessageStatus.SENT) {
            throw new IllegalStateException(JOURNEY + " " + channel.id() + " was not sent: " + entry.reason());
        }
        Journey journey = data.journeys().journey(JOURNEY).orElseThrow();
        return new SendContext(entry, journey, journey.step(entry.stepId()),
                engine.customers.profile(customerId).orElseThrow(),
                engine.customers.order(customerId, order.orderId()).orElseThrow());
    }

    /** Subject, HTML and text rendered from the model, cross-sell and signed preference link included. */
    @Benchmark
    public EmailMessage composeEmail() {
        return composer.email(emailContext, emailProducts);
    }

    @Benchmark
    public SmsMessage composeSms() {
        return composer.sms(smsContext, smsProducts);
    }

    /** The rendered email as the RFC 5322 multipart message SES and the local outbox receive. */
    @Benchmark
    public byte[] writeMime() {
        return MimeWriter.write(email, now);
    }

    /**
     * The SES adapter with a real SDK client and no network: MIME, request, endpoint, signing, the
     * JSON body and the parsed answer.
     */
    @Benchmark
    public Delivery sendThroughSesAdapter() {
        return ses.send(email);
    }
}
