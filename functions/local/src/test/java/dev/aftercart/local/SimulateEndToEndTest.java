package dev.aftercart.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.testing.MimeReader;
import dev.aftercart.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end on the embedded default: {@code simulate} over the bundled story in
 * {@code infra/events/simulate/samples.jsonl} (see infra/events/README.md), two of whose customers
 * have the SES mailbox simulator's addresses, through the real handlers, DynamoDB
 * Local, the local SES's feedback events and the template's routing, judged by the files it writes.
 */
class SimulateEndToEndTest {

    @TempDir
    static Path out;

    static int exitCode;
    static List<Map<String, Object>> ledger;
    static List<Map<String, Object>> sms;
    static List<Map<String, Object>> rejected;
    static List<String> bundledLines;
    static String console;

    @BeforeAll
    static void runTheBundledStory() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            exitCode = new CommandLine(new Main()).execute("simulate", "--out", out.toString());
        } finally {
            System.setOut(original);
        }
        console = printed.toString(StandardCharsets.UTF_8);
        ledger = jsonLines(out.resolve("ledger.jsonl"));
        sms = jsonLines(out.resolve("outbox/sms.jsonl"));
        rejected = jsonLines(out.resolve("rejected.jsonl"));
        List<String> lines = new ArrayList<>();
        for (String resource : RunOptions.BUNDLED) {
            lines.addAll(RunOptions.bundled(resource));
        }
        bundledLines = lines;
    }

    @Test
    void simulate_exitsCleanly_andWritesEveryOutput() {
        assertThat(exitCode).isZero();
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(out.resolve("logs.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("outbox/email")).isDirectory();
    }

    @Test
    void orderConfirmation_isEmailedInEachOfTheThreeLanguages() {
        assertThat(email("ord-1001").decodedHeader("Subject")).isEqualTo("Your Example Store order #1001 is confirmed");
        assertThat(email("ord-1003").decodedHeader("Subject")).contains("주문 #1003 확인 안내");
        assertThat(email("ord-1005").decodedHeader("Subject")).contains("ยืนยันคำสั่งซื้อ #1005");
        assertThat(email("ord-1003").part("text/html").text()).contains("<html lang=\"ko\">", "₩119,000");
        assertThat(email("ord-1005").part("text/plain").text()).contains("฿");
    }

    @Test
    void orderConfirmation_isTextedInEachLanguage_withItsSegmentCost() {
        assertThat(smsFor("ord-1001")).containsEntry("encoding", "GSM7").containsEntry("segments", new java.math.BigDecimal(1));
        assertThat(smsFor("ord-1003")).containsEntry("encoding", "UCS2").containsEntry("segments", new java.math.BigDecimal(1));
        assertThat(smsFor("ord-1005")).containsEntry("encoding", "UCS2").containsEntry("segments", new java.math.BigDecimal(1));
        assertThat(sms).allSatisfy(line -> assertThat(line.get("journey")).isNotNull());
    }

    @Test
    void sameOrder_deliveredTwiceAndRepublished_sendsOneEmailAndOneSms() {
        long deliveries = bundledLines.stream()
                .filter(l -> l.contains("\"Order Placed\"") && l.contains("\"orderId\": \"ord-1003\"")).count();
        assertThat(deliveries).isEqualTo(3);
        assertThat(ledgerFor("ord-1003")).filteredOn(e -> "order-confirmation".equals(e.get("journey"))).hasSize(2)
                .allSatisfy(entry -> assertThat(entry).containsEntry("status", "sent"));
        assertThat(emailFiles().filter(f -> ledgerFor("ord-1003").stream()
                .filter(e -> "order-confirmation".equals(e.get("journey")))
                .anyMatch(e -> f.getFileName().toString().contains((String) e.get("messageId"))))).hasSize(1);
        assertThat(sms.stream().filter(l -> "order-confirmation".equals(l.get("journey"))
                && ((String) l.get("body")).contains("#1003"))).hasSize(1);
    }

    @Test
    void invalidEvent_isRejectedNamingTheFields_andTheRunGoesOn() {
        assertThat(rejected).hasSize(1);
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) rejected.get(0).get("reasons");
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("detail.total:"))
                .anySatisfy(r -> assertThat(r).startsWith("detail.customer.phone:"));
        assertThat(ledgerFor("ord-1005")).isNotEmpty();
    }

    @Test
    void customerWithoutTransactionalSmsConsent_getsNoSms_andTheLedgerSaysWhy() {
        assertThat(ledgerFor("ord-1002")).anySatisfy(entry -> assertThat(entry)
                .containsEntry("channel", "sms")
                .containsEntry("status", "skipped")
                .containsEntry("reason", "no_sms_transactional_consent"));
        assertThat(sms.stream().filter(l -> ((String) l.get("body")).contains("#1002"))).isEmpty();
    }

    @Test
    void mailingListOffer_followsEmailMarketingConsent_asItIsAtSendTime() {
        // cus-1005 had no consent for ord-1005, then opted in (Customer Updated) before ord-1006.
        assertThat(email("ord-1005").part("text/plain").text()).contains("รับข่าวโปรโมชันและสินค้าใหม่ก่อนใคร");
        assertThat(email("ord-1006").part("text/plain").text()).doesNotContain("รับข่าวโปรโมชันและสินค้าใหม่ก่อนใคร");
        assertThat(email("ord-1001").part("text/plain").text()).doesNotContain("Be first to hear");
    }

    @Test
    void crossSell_appearsOnceCoPurchasesExist_andNeverListsThisOrdersProducts() {
        String html = email("ord-1003").part("text/html").text();
        assertThat(html).contains("함께 구매하면 좋은 상품");
        String crossSell = html.substring(html.indexOf("함께 구매하면 좋은 상품"));
        for (String productId : productsOf("ord-1003")) {
            assertThat(crossSell).doesNotContain("/products/" + slugOf(productId));
        }
    }

    // --- shipping, scheduled sends and the send-time policies ---

    @Test
    void splitOrder_namesEachParcelsItems_andTheLastDeliverySaysEverythingHasArrived() {
        Map<String, Object> first = shippingEmail("S-1001-A", "delivered");
        Map<String, Object> last = shippingEmail("S-1001-B", "delivered");
        String firstText = emailAt(first).part("text/plain").text();
        String lastText = emailAt(last).part("text/plain").text();

        assertThat(firstText).contains("Ethiopia Yirgacheffe").doesNotContain("Pour-Over Dripper");
        assertThat(lastText).contains("Ethiopia Yirgacheffe", "Pour-Over Dripper", "Paper Filters");
        assertThat(emailAt(last).decodedHeader("Subject")).isNotEqualTo(emailAt(first).decodedHeader("Subject"));
    }

    @Test
    void lateInTransitScan_afterDelivery_isRecordedStale_andSendsNothing() throws IOException {
        String staleEventId = bundledLines.stream()
                .filter(l -> l.contains("\"S-1001-B\"") && l.contains("\"in_transit\"") && l.contains("2026-11-21T07:00:00Z"))
                .map(l -> (String) Json.parseObject(l).get("id"))
                .findFirst()
                .orElseThrow();
        String handled = Files.readAllLines(out.resolve("logs.jsonl")).stream()
                .filter(l -> l.contains("\"event_handled\"") && l.contains(staleEventId))
                .findFirst()
                .orElseThrow();

        assertThat(Json.parseObject(handled)).containsEntry("state", "stale").containsEntry("messages", List.of());
        assertThat(ledger).filteredOn(e -> "shipping-updates".equals(e.get("journey"))
                && "S-1001-B".equals(subject(e).get("shipmentId")) && "in_transit".equals(subject(e).get("status")))
                .hasSize(1);
    }

    @Test
    void deliveryAt2230Local_emailsAtOnce_andHoldsTheSmsUntil0800() {
        Map<String, Object> email = shippingEmail("S-1001-B", "delivered");
        Map<String, Object> text = ledger.stream()
                .filter(e -> "shipping-updates".equals(e.get("journey")) && "sms".equals(e.get("channel"))
                        && "S-1001-B".equals(subject(e).get("shipmentId")))
                .findFirst()
                .orElseThrow();

        assertThat(email).containsEntry("updatedAt", "2026-11-21T06:30:00Z");
        assertThat(text).containsEntry("status", "sent").containsEntry("dueAt", "2026-11-21T16:00:00Z");
        assertThat(sms).filteredOn(l -> text.get("messageId").equals(l.get("messageId")))
                .singleElement().satisfies(l -> assertThat(l).containsEntry("sentAt", "2026-11-21T16:00:00Z"));
    }

    @Test
    void productUsedFor21Days_getsItsReviewRequest21DaysAfterDelivery_at10Local() {
        Map<String, Object> request = ledger.stream()
                .filter(e -> "review-request".equals(e.get("journey")) && "request".equals(e.get("step"))
                        && "P-2003".equals(subject(e).get("productIds")) && "ord-1005".equals(subject(e).get("orderId")))
                .findFirst()
                .orElseThrow();

        // Delivered 2026-11-20 14:00 in Bangkok; 21 days later at 10:00 Bangkok time.
        assertThat(request).containsEntry("dueAt", "2026-12-11T03:00:00Z");
    }

    @Test
    void cancelledOrder_withdrawsItsPendingScheduledMessages() {
        List<Map<String, Object>> pending = ledgerFor("ord-1007").stream()
                .filter(e -> List.of("review-request", "product-tips").contains(e.get("journey")))
                .toList();

        assertThat(pending).isNotEmpty().allSatisfy(e -> assertThat(e)
                .containsEntry("status", "cancelled").containsEntry("reason", "order_cancelled"));
    }

    @Test
    void missedDelivery_stillWaitingADayLater_escalates_byEmailWhenTextsAreNotAllowed() {
        List<Map<String, Object>> followUps = ledgerFor("ord-1002").stream()
                .filter(e -> "attempted-follow-up".equals(e.get("step")))
                .toList();

        assertThat(followUps).anySatisfy(e -> assertThat(e).containsEntry("channel", "sms")
                .containsEntry("status", "skipped").containsEntry("reason", "no_sms_transactional_consent"));
        assertThat(followUps).anySatisfy(e -> assertThat(e).containsEntry("channel", "email")
                .containsEntry("status", "sent"));
    }

    @Test
    void ledger_explainsEverySkipAndHold_andNothingIsLeftHanging() {
        assertThat(ledger).allSatisfy(e -> {
            assertThat(e.get("status")).isIn("sent", "skipped", "cancelled", "failed");
            if (!"sent".equals(e.get("status"))) {
                assertThat(e.get("reason")).as("reason of %s", e.get("messageId")).isNotNull();
            }
        });
        assertThat(ledger).anySatisfy(e -> assertThat(e).containsEntry("reason", "no_email_marketing_consent"));
    }

    // --- reviews, returns, loyalty, subscriptions, replenishment ---

    @Test
    void reviewingOneOfTwoProducts_beforeTheRequest_leavesARequestNamingOnlyTheOther() {
        Map<String, Object> request = ledgerFor("ord-1008").stream()
                .filter(e -> "review-request".equals(e.get("journey")) && "request".equals(e.get("step")))
                .findFirst()
                .orElseThrow();
        String text = emailAt(request).part("text/plain").text();

        assertThat(subject(request).get("productIds")).isEqualTo("P-3001,P-2001");
        assertThat(text).contains("Ceramic Pour-Over Dripper").doesNotContain("Gooseneck Kettle");
        assertThat(ledger).anySatisfy(e -> assertThat(e).containsEntry("journey", "loyalty-invitation")
                .containsEntry("customerId", "cus-1006").containsEntry("status", "sent"));
    }

    @Test
    void oneStarReview_getsTheApology_raisesTheHelpDeskEvent_andStopsReplenishmentOfThatProduct() throws IOException {
        assertThat(ledgerFor("ord-1005")).anySatisfy(e -> assertThat(e)
                .containsEntry("journey", "review-recovery").containsEntry("channel", "email")
                .containsEntry("status", "sent"));
        List<Map<String, Object>> events = jsonLines(out.resolve("outbox/events.jsonl"));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("DetailType", "Service Recovery Requested").containsEntry("Source", "aftercart");
            @SuppressWarnings("unchecked")
            Map<String, Object> detail = (Map<String, Object>) e.get("Detail");
            assertThat(detail).containsEntry("productId", "P-1003")
                    .containsEntry("customerId", "cus-1005").containsEntry("rating", "1");
        });
        assertThat(ledgerFor("ord-1005")).filteredOn(e -> "replenishment".equals(e.get("journey"))
                && "P-1003".equals(subject(e).get("productIds")))
                // Withdrawn the moment the 1-star review arrives, not left to be skipped when due.
                .singleElement().satisfies(e -> assertThat(e)
                        .containsEntry("status", "cancelled").containsEntry("reason", "negative_review"));
    }

    @Test
    void everyReturnStatus_isEmailedAndTexted_andTheReturnedProductIsNeverRecommendedAgain() {
        List<Map<String, Object>> notices = ledger.stream()
                .filter(e -> "return-updates".equals(e.get("journey"))).toList();
        assertThat(notices).hasSize(8).allSatisfy(e -> assertThat(e).containsEntry("status", "sent"));
        assertThat(notices).extracting(e -> subject(e).get("status"))
                .containsOnly("requested", "approved", "received", "refunded");
        assertThat(sms).anySatisfy(l -> assertThat((String) l.get("body")).contains("₩72,000"));

        for (Map<String, Object> sent : ledger) {
            if ("cus-1003".equals(sent.get("customerId")) && "email".equals(sent.get("channel"))
                    && "sent".equals(sent.get("status"))) {
                String html = emailAt(sent).part("text/html").text();
                int crossSell = html.indexOf("함께 구매하면 좋은 상품");
                if (crossSell >= 0) {
                    assertThat(html.substring(crossSell)).doesNotContain("colombia-huila");
                }
            }
        }
    }

    @Test
    void expiringPoints_getBothRemindersBySmsAndEmail_atTheRightVirtualTimes() {
        List<Map<String, Object>> reminders = ledger.stream()
                .filter(e -> "points-expiry".equals(e.get("journey"))).toList();

        // 300 points expire 2027-01-10; 30 and 7 days before, at 10:00 in Chicago (16:00 UTC).
        assertThat(reminders).extracting(e -> e.get("step") + "/" + e.get("channel") + "@" + e.get("dueAt") + ":" + e.get("status"))
                .containsExactlyInAnyOrder(
                        "warning/sms@2026-12-11T16:00:00Z:sent", "warning/email@2026-12-11T16:00:00Z:sent",
                        "last-chance/sms@2027-01-03T16:00:00Z:sent", "last-chance/email@2027-01-03T16:00:00Z:sent");
        assertThat(sms).anySatisfy(l -> assertThat((String) l.get("body")).contains("300"));
        assertThat(ledger).filteredOn(e -> "loyalty-tier-upgrade".equals(e.get("journey")))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("status", "sent"));
    }

    @Test
    void subscriptionRenewalReminder_dueAt3AmLocal_isTextedAt8() {
        Map<String, Object> reminder = ledger.stream()
                .filter(e -> "subscription-reminder".equals(e.get("journey")))
                .findFirst()
                .orElseThrow();

        assertThat(reminder).containsEntry("status", "sent").containsEntry("dueAt", "2026-12-02T14:00:00Z");
        assertThat(sms).filteredOn(l -> reminder.get("messageId").equals(l.get("messageId")))
                .singleElement().satisfies(l -> assertThat(l)
                        .containsEntry("sentAt", "2026-12-02T14:00:00Z")
                        .satisfies(line -> assertThat((String) line.get("body")).contains("shop.example.com/account/subscriptions")));
    }

    @Test
    void fifthOrder_getsTheThankYou_aJourneyMadeOfDataAlone() {
        assertThat(ledger).filteredOn(e -> "fifth-order-thanks".equals(e.get("journey")))
                .singleElement().satisfies(e -> assertThat(e)
                        .containsEntry("status", "sent")
                        .satisfies(entry -> assertThat(subject(entry)).containsEntry("orderId", "ord-1012")));
    }

    @Test
    void logs_holdNoEmailAddressPhoneNumberOrName() throws IOException {
        String logs = Files.readString(out.resolve("logs.jsonl"));
        // Every kind of function logged: event handling, sends, and the feedback function's SES events.
        assertThat(logs).contains("\"event\":\"message_sent\"", "\"event\":\"event_handled\"",
                "\"event\":\"email_feedback\"", "\"type\":\"bounced_permanently\"", "\"type\":\"complained\"");
        List<String> personal = PersonalData.in(bundledLines);
        assertThat(personal).contains("bounce@simulator.amazonses.com", "complaint@simulator.amazonses.com",
                "Perfect pour", "Pours slowly and precisely.");
        assertThat(personal).allSatisfy(value -> assertThat(logs).as("logs").doesNotContain(value));
    }

    // --- the local SES: its feedback events, through the template's rule, into suppression ---

    @Test
    void hardBounce_suppressesEveryLaterEmailToTheAddress_butNotItsTexts() {
        Map<String, Object> confirmation = single(ledgerFor("ord-2001"), "order-confirmation", "email");
        Map<String, Object> shipping = single(ledgerFor("ord-2001"), "shipping-updates", "email");
        Map<String, Object> replenishment = single(ledgerFor("ord-2001"), "replenishment", "email");

        assertThat(confirmation).containsEntry("status", "sent").containsEntry("feedback", "bounced_permanently");
        assertThat(shipping).containsEntry("status", "skipped").containsEntry("reason", "email_hard_bounced");
        assertThat(replenishment).containsEntry("status", "skipped").containsEntry("reason", "email_hard_bounced")
                .containsEntry("kind", "marketing");
        assertThat(single(ledgerFor("ord-2001"), "order-confirmation", "sms")).containsEntry("status", "sent");
    }

    @Test
    void complaint_isRecordedOnTheMessage_andSuppressesLaterMarketingEmail() {
        Map<String, Object> confirmation = single(ledgerFor("ord-2002"), "order-confirmation", "email");
        Map<String, Object> replenishment = single(ledgerFor("ord-2002"), "replenishment", "email");

        assertThat(confirmation).containsEntry("status", "sent").containsEntry("feedback", "complained");
        assertThat(replenishment).containsEntry("status", "skipped").containsEntry("reason", "email_complained")
                .containsEntry("dueAt", "2027-01-02T16:00:00Z");
    }

    @Test
    void everyEmail_getsTheEventsSesWouldPublish_routedToTheFeedbackFunction() throws IOException {
        List<Map<String, Object>> sesEvents = jsonLines(out.resolve("outbox/ses-events.jsonl"));
        long emails = emailFiles().count();

        assertThat(sesEvents).filteredOn(e -> "Email Sent".equals(e.get("detail-type"))).hasSize((int) emails);
        assertThat(sesEvents).filteredOn(e -> "Email Delivered".equals(e.get("detail-type"))).hasSize((int) emails - 1);
        assertThat(sesEvents).extracting(e -> e.get("detail-type"))
                .containsOnlyOnce("Email Bounced", "Email Complaint Received");
        assertThat(sesEvents).allSatisfy(e -> assertThat(Json.write(e))
                .contains("\"ses:configuration-set\":[\"aftercart-local-messages\"]"));
        assertThat(console).contains(String.format("  %-58s %5d%n", "Email Sent", emails))
                .contains(String.format("  %-58s %5d%n", "Email Bounced", 1))
                .contains("Email Complaint Received (recorded)")
                .containsPattern("matched no rule +0");
    }

    @Test
    void summaryAndReport_listEachCustomersPreferencePage_andSayServeOpensThem() throws IOException {
        String report = Files.readString(out.resolve("report.html"));

        assertThat(console).contains("Preference pages (./aftercart serve")
                .containsPattern("  cus-1001 +http://127\\.0\\.0\\.1:8025/preferences/\\?t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n")
                .contains("... and 4 more in report.html");
        for (String customerId : List.of("cus-1001", "cus-1007", "cus-2001", "cus-2002")) {
            assertThat(report).containsPattern("<td>" + customerId
                    + "</td><td><a href=\"http://127\\.0\\.0\\.1:8025/preferences/\\?t=");
        }
    }

    private static Map<String, Object> single(List<Map<String, Object>> entries, String journey, String channel) {
        return entries.stream().filter(e -> journey.equals(e.get("journey")) && channel.equals(e.get("channel")))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + journey + " " + channel + " message");
                })
                .orElseThrow(() -> new AssertionError("no " + journey + " " + channel + " message"));
    }

    private static Map<String, Object> shippingEmail(String shipmentId, String status) {
        return ledger.stream()
                .filter(e -> "shipping-updates".equals(e.get("journey")) && "email".equals(e.get("channel"))
                        && shipmentId.equals(subject(e).get("shipmentId")) && status.equals(subject(e).get("status")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + status + " email for " + shipmentId));
    }

    private static MimeReader.Message emailAt(Map<String, Object> entry) {
        assertThat(entry).containsEntry("status", "sent");
        try {
            return MimeReader.read(Files.readAllBytes(out.resolve((String) entry.get("outbox"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> subject(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("subject");
    }

    private static MimeReader.Message email(String orderId) {
        Map<String, Object> entry = ledgerFor(orderId).stream()
                .filter(e -> "email".equals(e.get("channel")) && "order-confirmation".equals(e.get("journey")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no email in the ledger for " + orderId));
        assertThat(entry).containsEntry("status", "sent");
        try {
            return MimeReader.read(Files.readAllBytes(out.resolve((String) entry.get("outbox"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> smsFor(String orderId) {
        String messageId = ledgerFor(orderId).stream()
                .filter(e -> "sms".equals(e.get("channel")) && "order-confirmation".equals(e.get("journey")))
                .map(e -> (String) e.get("messageId"))
                .findFirst()
                .orElseThrow();
        return sms.stream().filter(l -> messageId.equals(l.get("messageId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no SMS sent for " + orderId));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> ledgerFor(String orderId) {
        return ledger.stream()
                .filter(e -> orderId.equals(((Map<String, Object>) e.get("subject")).get("orderId")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> productsOf(String orderId) {
        return bundledLines.stream()
                .map(SimulateEndToEndTest::detail)
                .filter(d -> orderId.equals(d.get("orderId")) && d.get("items") != null)
                .findFirst()
                .map(d -> ((List<Map<String, Object>>) d.get("items")).stream().map(i -> (String) i.get("productId")).toList())
                .orElseThrow();
    }

    /** The catalog URL slug of a product, from its Product Updated sample. */
    private static String slugOf(String productId) {
        return bundledLines.stream()
                .map(SimulateEndToEndTest::detail)
                .filter(d -> productId.equals(d.get("productId")) && d.get("url") instanceof String)
                .map(d -> ((String) d.get("url")).substring(((String) d.get("url")).lastIndexOf('/') + 1))
                .findFirst()
                .orElse(productId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(String line) {
        return (Map<String, Object>) Json.parseObject(line).get("detail");
    }

    private static Stream<Path> emailFiles() {
        try {
            return Files.list(out.resolve("outbox/email")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsonLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(l -> (Map<String, Object>) (Map<?, ?>) Json.parseObject(l))
                .toList();
    }
}
