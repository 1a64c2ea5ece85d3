package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Deliveries.EN;
import static dev.aftercart.core.testing.Deliveries.FIRST_PARCEL;
import static dev.aftercart.core.testing.Deliveries.KO;
import static dev.aftercart.core.testing.Deliveries.SECOND_PARCEL;
import static dev.aftercart.core.testing.Deliveries.TH;
import static dev.aftercart.core.testing.Deliveries.update;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.remove;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.testing.Deliveries;
import dev.aftercart.core.testing.EngineHarness;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the customer reads as a shipment moves: the shipping-update and delivery-follow-up messages
 * rendered by the engine, from Shipment Updated events, in each shipped language.
 *
 * <p>The events happen at these UTC instants, all inside the SMS window (08:00-21:00) in London,
 * Seoul and Bangkok, so every text goes out at once.
 */
class ShippingRenderingTest {

    private static final String SHIPPED = "2026-11-21T09:00:00Z";
    private static final String SECOND_SHIPPED = "2026-11-22T09:00:00Z";
    private static final String OUT_FOR_DELIVERY = "2026-11-23T08:30:00Z";
    private static final String ATTEMPTED = "2026-11-23T10:00:00Z";
    private static final String DELIVERED = "2026-11-23T11:00:00Z";
    private static final String SECOND_DELIVERED = "2026-11-24T10:00:00Z";

    private final EngineHarness harness = EngineHarness.create();
    private final Deliveries deliveries = new Deliveries(harness);

    /** The lines under {@code heading} in a text part, up to the next blank line. */
    private static List<String> linesUnder(String text, String heading) {
        int start = text.indexOf(heading + "\n");
        assertThat(start).as("heading \"%s\" in:%n%s", heading, text).isNotNegative();
        int end = text.indexOf("\n\n", start);
        return text.substring(start + heading.length() + 1, end < 0 ? text.length() : end).lines().toList();
    }

    private EmailMessage lastEmail() {
        return harness.email.last();
    }

    private SmsMessage lastSms() {
        return harness.sms.last();
    }

    // --- English -----------------------------------------------------------------------------

    @Test
    void english_inTransit_saysItShipped_withCarrierTrackingNumberEstimateAndLink() {
        // given
        deliveries.placeOrder(EN.order());
        int textsBefore = harness.sms.count();

        // when
        deliveries.ship(EN, "in_transit", SHIPPED);

        // then
        EmailMessage email = lastEmail();
        assertThat(email.subject()).isEqualTo("Your Aftercart Demo order #1001 has shipped");
        assertThat(email.text())
                .startsWith("Hi Zephyrine,\n\nYour order is on its way\n")
                .contains("Good news: order #1001 has shipped and should arrive by November 24, 2026.")
                .contains("Track your package: https://track.example/1Z999AA10123456784")
                .contains("Carrier: UPS\nTracking number: 1Z999AA10123456784\n");
        assertThat(linesUnder(email.text(), "In this package:"))
                .containsExactly("- Trail Running Shoe x 1", "- Merino Socks x 2");
        assertThat(email.html())
                .contains("<a href=\"https://track.example/1Z999AA10123456784\"")
                .contains(">Track your package</a>")
                .contains("<strong>November 24, 2026</strong>");
        // "shipped" is email only: the journey texts only what a customer acts on
        assertThat(harness.sms.count()).isEqualTo(textsBefore);
    }

    @Test
    void english_outForDelivery_emailsAndTextsWithTheTrackingLink() {
        deliveries.placeOrder(EN.order());
        deliveries.ship(EN, "in_transit", SHIPPED);

        deliveries.ship(EN, "out_for_delivery", OUT_FOR_DELIVERY);

        EmailMessage email = lastEmail();
        assertThat(email.subject()).isEqualTo("Your Aftercart Demo order #1001 is out for delivery");
        assertThat(email.text())
                .contains("Out for delivery\n\nOrder #1001 is with the driver and should reach you today.")
                .contains("Track your package: https://track.example/1Z999AA10123456784");
        assertThat(lastSms().body())
                .isEqualTo("Aftercart Demo: Your order #1001 is out for delivery. Track: https://track.example/1Z999AA10123456784");
    }

    @Test
    void english_attemptedDelivery_saysWhatToDoNext_andTheFollowUpADayLaterSaysItIsStillWaiting() {
        deliveries.placeOrder(EN.order());
        deliveries.ship(EN, "out_for_delivery", OUT_FOR_DELIVERY);

        // when: the courier could not hand it over
        deliveries.ship(EN, "attempted_delivery", ATTEMPTED);

        // then
        EmailMessage email = lastEmail();
        assertThat(email.subject()).isEqualTo("We missed you: how to get your Aftercart Demo order #1001");
        assertThat(email.text())
                .contains("The carrier tried to deliver order #1001 but couldn't hand it over. Here's what you can do next:")
                .contains("- Rearrange delivery for another day, a neighbour or a safe place.")
                .contains("- Pick it up from the carrier's pickup point. Bring your tracking number and photo ID.")
                .contains("Rearrange delivery or pickup: https://track.example/1Z999AA10123456784");
        assertThat(lastSms().body()).isEqualTo("Aftercart Demo: The carrier tried to deliver your package from order #1001. "
                + "Rearrange delivery or pick it up: https://track.example/1Z999AA10123456784");

        // when: 24 hours later the package is still waiting
        MessageOutcome followUp = deliveries.sendScheduledSms(EN.customerId(), "shipping-updates", "attempted-follow-up");

        // then
        assertThat(followUp).isInstanceOf(MessageOutcome.Sent.class);
        assertThat(lastSms().body()).isEqualTo("Aftercart Demo: Your package from order #1001 is still waiting after a "
                + "missed delivery. Rearrange or pick it up: https://track.example/1Z999AA10123456784");
    }

    @Test
    void deliveryFollowUp_fallsBackToEmail_forACustomerWithoutAPhone() {
        // given: no phone number, so the follow-up cannot be a text
        deliveries.accept(remove(event(EN.order()), "detail.customer.phone"));
        deliveries.ship(EN, "attempted_delivery", ATTEMPTED);

        // when
        deliveries.sendScheduledSms(EN.customerId(), "shipping-updates", "attempted-follow-up");

        // then
        EmailMessage email = lastEmail();
        assertThat(email.subject()).isEqualTo("Your Aftercart Demo order #1001 is still waiting for you");
        assertThat(email.text())
                .contains("Your package is still waiting")
                .contains("The carrier tried to deliver order #1001 a day ago and hasn't been able to hand it over yet.")
                .contains("Rearrange delivery or pickup: https://track.example/1Z999AA10123456784");
        assertThat(email.html()).contains("<a href=\"https://track.example/1Z999AA10123456784\"")
                .contains(">Rearrange delivery or pickup</a>");
    }

    @Test
    void english_delivered_saysItArrived_andHowToFindAMissingPackage() {
        deliveries.placeOrder(EN.order());
        deliveries.ship(EN, "in_transit", SHIPPED);

        deliveries.ship(EN, "delivered", DELIVERED);

        EmailMessage email = lastEmail();
        assertThat(email.subject()).isEqualTo("Your Aftercart Demo order #1001 has been delivered");
        assertThat(email.text())
                .contains("Your order has arrived\n\nOrder #1001 has been delivered. We hope you love it!")
                .contains("Can't find it?")
                .contains("Delivery details: https://track.example/1Z999AA10123456784")
                // the estimate the carrier gave while in transit is history now
                .doesNotContain("November 24, 2026");
        assertThat(lastSms().body()).isEqualTo(
                "Aftercart Demo: Your order #1001 has been delivered. Enjoy! Can't find it? https://track.example/1Z999AA10123456784");
    }

    @Test
    void english_splitOrder_namesEachParcelsItems_andTheLastDeliverySaysEverythingArrived() {
        deliveries.placeOrder(EN.order());

        // parcel 1 ships: the shoe
        deliveries.shipParcel(EN, FIRST_PARCEL, "in_transit", SHIPPED);
        EmailMessage first = lastEmail();
        assertThat(first.subject()).isEqualTo("Part of your Aftercart Demo order #1001 has shipped");
        assertThat(first.text())
                .contains("Good news: a package from order #1001 has shipped")
                .contains("Your order is coming in more than one package.");
        assertThat(linesUnder(first.text(), "In this package:")).containsExactly("- Trail Running Shoe x 1");

        // parcel 2 ships: the socks
        deliveries.shipParcel(EN, SECOND_PARCEL, "in_transit", SECOND_SHIPPED);
        assertThat(linesUnder(lastEmail().text(), "In this package:")).containsExactly("- Merino Socks x 2");

        // parcel 1 is out for delivery, then delivered: only part of the order has arrived
        deliveries.shipParcel(EN, FIRST_PARCEL, "out_for_delivery", OUT_FOR_DELIVERY);
        assertThat(lastEmail().subject()).isEqualTo("A package from your Aftercart Demo order #1001 is out for delivery");
        assertThat(lastSms().body()).startsWith("Aftercart Demo: A package from your order #1001 is out for delivery.");
        deliveries.shipParcel(EN, FIRST_PARCEL, "delivered", DELIVERED);
        EmailMessage part = lastEmail();
        assertThat(part.subject()).isEqualTo("Part of your Aftercart Demo order #1001 has been delivered");
        assertThat(part.text()).contains("The rest of your order is still on its way");
        assertThat(linesUnder(part.text(), "In this package:")).containsExactly("- Trail Running Shoe x 1");
        // the text may be held for quiet hours, so it promises nothing about the rest
        assertThat(lastSms().body()).isEqualTo(
                "Aftercart Demo: Part of your order #1001 has been delivered. Can't find it? https://track.example/1Z999AA10123456784");

        // when: the last parcel is delivered
        deliveries.shipParcel(EN, SECOND_PARCEL, "delivered", SECOND_DELIVERED);

        // then: one "everything has arrived", listing the whole order as ordered
        EmailMessage all = lastEmail();
        assertThat(all.subject()).isEqualTo("Everything from your Aftercart Demo order #1001 has arrived");
        assertThat(all.text()).contains("Everything has arrived\n\nThe last package of order #1001 has been delivered");
        assertThat(linesUnder(all.text(), "Everything in order #1001:"))
                .containsExactly("- Trail Running Shoe x 1", "- Merino Socks x 2");
        assertThat(all.html()).contains("<td>Trail Running Shoe</td><td align=\"right\">1</td>")
                .contains("<td>Merino Socks</td><td align=\"right\">2</td>");
        assertThat(lastSms().body()).isEqualTo(
                "Aftercart Demo: The last package of order #1001 has been delivered, so everything has arrived. Enjoy!");
    }

    // --- Korean ------------------------------------------------------------------------------

    @Test
    void korean_wholeOrder_shippedOutForDeliveryAndDelivered() {
        deliveries.placeOrder(KO.order());

        deliveries.ship(KO, "in_transit", SHIPPED);
        EmailMessage shipped = lastEmail();
        assertThat(shipped.subject()).isEqualTo("[Aftercart Demo] 주문 #2001 발송 안내");
        assertThat(shipped.text())
                .startsWith("지민님, 안녕하세요.\n\n주문하신 상품이 발송되었어요\n")
                .contains("주문 #2001의 상품이 출발했어요. 2026년 11월 24일까지 도착할 예정이에요.")
                .contains("배송 조회: https://track.example/kr/640123456789")
                .contains("택배사: CJ대한통운\n운송장 번호: 640123456789\n");
        assertThat(linesUnder(shipped.text(), "이번 배송 상품:")).containsExactly("- 무선 이어폰 x 1", "- 이어팁 세트 x 2");
        assertThat(shipped.html()).contains("<a href=\"https://track.example/kr/640123456789\"").contains(">배송 조회하기</a>");

        deliveries.ship(KO, "out_for_delivery", OUT_FOR_DELIVERY);
        assertThat(lastEmail().subject()).isEqualTo("[Aftercart Demo] 주문 #2001 오늘 도착 예정");
        assertThat(lastEmail().text()).contains("주문 #2001의 상품이 배송 기사님과 함께 출발했어요.");
        assertThat(lastSms().body())
                .isEqualTo("[Aftercart Demo] 주문 #2001 상품이 오늘 도착할 예정이에요. 배송조회 https://track.example/kr/640123456789");

        deliveries.ship(KO, "delivered", DELIVERED);
        assertThat(lastEmail().subject()).isEqualTo("[Aftercart Demo] 주문 #2001 배송 완료 안내");
        assertThat(lastEmail().text())
                .contains("배송이 완료되었어요\n\n주문 #2001의 상품이 배송 완료되었어요. 마음에 드셨으면 좋겠어요!")
                .contains("상품이 보이지 않나요?");
        assertThat(lastSms().body())
                .isEqualTo("[Aftercart Demo] 주문 #2001 배송이 완료되었어요. 배송정보 https://track.example/kr/640123456789");
    }

    @Test
    void korean_splitOrder_namesEachParcelsItems_andTheLastDeliverySaysEverythingArrived() {
        deliveries.placeOrder(KO.order());

        deliveries.shipParcel(KO, FIRST_PARCEL, "in_transit", SHIPPED);
        assertThat(lastEmail().subject()).isEqualTo("[Aftercart Demo] 주문 #2001 부분 발송 안내");
        assertThat(lastEmail().text()).contains("주문 #2001의 상품 일부가 출발했어요.", "여러 상자로 나누어 배송돼요");
        assertThat(linesUnder(lastEmail().text(), "이번 배송 상품:")).containsExactly("- 무선 이어폰 x 1");

        deliveries.shipParcel(KO, SECOND_PARCEL, "in_transit", SECOND_SHIPPED);
        assertThat(linesUnder(lastEmail().text(), "이번 배송 상품:")).containsExactly("- 이어팁 세트 x 2");

        deliveries.shipParcel(KO, FIRST_PARCEL, "out_for_delivery", OUT_FOR_DELIVERY);
        assertThat(lastEmail().subject()).isEqualTo("[Aftercart Demo] 주문 #2001 일부 상품 오늘 도착 예정");
        assertThat(lastSms().body()).startsWith("[Aftercart Demo] 주문 #2001 상품 일부가 오늘 도착할 예정이에요.");

        deliveries.shipParcel(KO, FIRST_PARCEL, "delivered", DELIVERED);
        assertThat(lastEmail().subject()).isEqualTo("[Aftercart Demo] 주문 #2001 일부 상품 배송 완료 안내");
        assertThat(lastEmail().text()).contains("나머지 상품도 배송 중이며, 도착하면 알려드릴게요.");
        assertThat(linesUnder(lastEmail().text(), "이번 배송 상품:")).containsExactly("- 무선 이어폰 x 1");

        deliveries.shipParcel(KO, SECOND_PARCEL, "delivered", SECOND_DELIVERED);
        EmailMessage all = lastEmail();
        assertThat(all.subject()).isEqualTo("[Aftercart Demo] 주문 #2001 전체 상품 배송 완료 안내");
        assertThat(all.text()).contains("주문하신 상품이 모두 도착했어요\n\n주문 #2001의 마지막 상자가 배송 완료되어, 주문하신 상품을 모두 받으셨어요.");
        assertThat(linesUnder(all.text(), "주문 #2001 전체 상품:")).containsExactly("- 무선 이어폰 x 1", "- 이어팁 세트 x 2");
        assertThat(lastSms().body()).isEqualTo("[Aftercart Demo] 주문 #2001 상품이 모두 도착했어요. 감사합니다!");
    }

    // --- Thai --------------------------------------------------------------------------------

    @Test
    void thai_wholeOrder_shippedOutForDeliveryAndDelivered() {
        deliveries.placeOrder(TH.order());

        deliveries.ship(TH, "in_transit", SHIPPED);
        EmailMessage shipped = lastEmail();
        assertThat(shipped.subject()).isEqualTo("Aftercart Demo: คำสั่งซื้อ #3001 จัดส่งแล้ว");
        assertThat(shipped.text())
                .startsWith("สวัสดีคุณสมชาย\n\nคำสั่งซื้อของคุณกำลังเดินทาง\n")
                .contains("ข่าวดี คำสั่งซื้อ #3001 จัดส่งแล้ว คาดว่าจะถึงภายในวันที่ 24 พฤศจิกายน 2569")
                .contains("ติดตามพัสดุ: https://track.example/th/EF582621151TH")
                .contains("บริษัทขนส่ง: Thailand Post\nเลขพัสดุ: EF582621151TH\n");
        assertThat(linesUnder(shipped.text(), "สินค้าในพัสดุนี้:")).containsExactly("- เสื่อโยคะ x 1", "- ขวดน้ำ x 1");
        assertThat(shipped.html()).contains("<a href=\"https://track.example/th/EF582621151TH\"").contains(">ติดตามพัสดุ</a>");

        deliveries.ship(TH, "out_for_delivery", OUT_FOR_DELIVERY);
        assertThat(lastEmail().subject()).isEqualTo("Aftercart Demo: คำสั่งซื้อ #3001 กำลังนำส่งวันนี้");
        assertThat(lastEmail().text()).contains("คำสั่งซื้อ #3001 อยู่กับพนักงานจัดส่งแล้ว และจะถึงคุณภายในวันนี้");
        assertThat(lastSms().body())
                .isEqualTo("Aftercart Demo: คำสั่งซื้อ #3001 กำลังนำส่งวันนี้ ติดตามพัสดุ https://track.example/th/EF582621151TH");

        deliveries.ship(TH, "delivered", DELIVERED);
        assertThat(lastEmail().subject()).isEqualTo("Aftercart Demo: คำสั่งซื้อ #3001 จัดส่งถึงแล้ว");
        assertThat(lastEmail().text())
                .contains("พัสดุของคุณจัดส่งถึงแล้ว\n\nคำสั่งซื้อ #3001 จัดส่งถึงเรียบร้อยแล้ว หวังว่าคุณจะชอบ")
                .contains("ไม่พบพัสดุใช่ไหม");
        assertThat(lastSms().body())
                .isEqualTo("Aftercart Demo: คำสั่งซื้อ #3001 จัดส่งถึงแล้ว ขอบคุณ รายละเอียด https://track.example/th/EF582621151TH");
    }

    @Test
    void thai_splitOrder_namesEachParcelsItems_andTheLastDeliverySaysEverythingArrived() {
        deliveries.placeOrder(TH.order());

        deliveries.shipParcel(TH, FIRST_PARCEL, "in_transit", SHIPPED);
        assertThat(lastEmail().subject()).isEqualTo("Aftercart Demo: สินค้าบางส่วนในคำสั่งซื้อ #3001 จัดส่งแล้ว");
        assertThat(lastEmail().text()).contains("คำสั่งซื้อนี้แบ่งจัดส่งเป็นหลายกล่อง");
        assertThat(linesUnder(lastEmail().text(), "สินค้าในพัสดุนี้:")).containsExactly("- เสื่อโยคะ x 1");

        deliveries.shipParcel(TH, SECOND_PARCEL, "in_transit", SECOND_SHIPPED);
        assertThat(linesUnder(lastEmail().text(), "สินค้าในพัสดุนี้:")).containsExactly("- ขวดน้ำ x 1");

        deliveries.shipParcel(TH, FIRST_PARCEL, "out_for_delivery", OUT_FOR_DELIVERY);
        assertThat(lastEmail().subject()).isEqualTo("Aftercart Demo: พัสดุจากคำสั่งซื้อ #3001 กำลังนำส่งวันนี้");
        assertThat(lastSms().body()).startsWith("Aftercart Demo: พัสดุจากคำสั่งซื้อ #3001 กำลังนำส่งวันนี้");

        deliveries.shipParcel(TH, FIRST_PARCEL, "delivered", DELIVERED);
        assertThat(lastEmail().subject()).isEqualTo("Aftercart Demo: สินค้าบางส่วนในคำสั่งซื้อ #3001 จัดส่งถึงแล้ว");
        assertThat(lastEmail().text()).contains("สินค้าที่เหลือยังอยู่ระหว่างจัดส่ง");
        assertThat(linesUnder(lastEmail().text(), "สินค้าในพัสดุนี้:")).containsExactly("- เสื่อโยคะ x 1");

        deliveries.shipParcel(TH, SECOND_PARCEL, "delivered", SECOND_DELIVERED);
        EmailMessage all = lastEmail();
        assertThat(all.subject()).isEqualTo("Aftercart Demo: สินค้าในคำสั่งซื้อ #3001 มาถึงครบแล้ว");
        assertThat(all.text()).contains("สินค้ามาถึงครบแล้ว\n\nพัสดุกล่องสุดท้ายของคำสั่งซื้อ #3001 จัดส่งถึงแล้ว");
        assertThat(linesUnder(all.text(), "สินค้าทั้งหมดในคำสั่งซื้อ #3001:")).containsExactly("- เสื่อโยคะ x 1", "- ขวดน้ำ x 1");
        assertThat(lastSms().body()).isEqualTo("Aftercart Demo: สินค้าในคำสั่งซื้อ #3001 มาถึงครบแล้ว ขอบคุณ");
    }

    // --- tracking details --------------------------------------------------------------------

    @Test
    void trackingUrl_isEscapedInHtml_andReadsAsGivenInTextAndSms() {
        // given: a carrier link with a query string, as most carriers' are
        String url = "https://track.example/t?n=1Z999AA10123456784&lang=en";
        deliveries.placeOrder(EN.order());

        // when
        deliveries.accept(set(update(EN.shipment(), "out_for_delivery", OUT_FOR_DELIVERY), "detail.trackingUrl", url));

        // then
        EmailMessage email = lastEmail();
        assertThat(email.html())
                .contains("<a href=\"https://track.example/t?n&#x3D;1Z999AA10123456784&amp;lang&#x3D;en\"")
                .doesNotContain(url);
        assertThat(email.text()).contains("Track your package: " + url);
        assertThat(lastSms().body()).endsWith("Track: " + url);
    }

    @Test
    void carrierDetailsThatAreNotGiven_leaveNoEmptyLabelsOrLinks() {
        // given: a carrier feed with a status and nothing else
        Map<String, Object> bare = update(EN.shipment(), "out_for_delivery", OUT_FOR_DELIVERY);
        for (String field : List.of("carrier", "trackingNumber", "trackingUrl", "estimatedDelivery")) {
            remove(bare, "detail." + field);
        }
        deliveries.placeOrder(EN.order());

        // when
        deliveries.accept(bare);

        // then
        EmailMessage email = lastEmail();
        assertThat(email.text()).doesNotContain("Carrier:", "Tracking number:", "Track your package", "arrive by");
        assertThat(email.html()).doesNotContain("track.example", "Carrier", "Tracking number");
        assertThat(lastSms().body()).isEqualTo("Aftercart Demo: Your order #1001 is out for delivery.");
    }

    @Test
    void trackingNumberWithoutALink_isGivenInTheText_withTheCarrier() {
        Map<String, Object> noLink = remove(update(EN.shipment(), "attempted_delivery", ATTEMPTED), "detail.trackingUrl");
        deliveries.placeOrder(EN.order());

        deliveries.accept(noLink);

        assertThat(lastSms().body()).isEqualTo("Aftercart Demo: The carrier tried to deliver your package from order #1001. "
                + "Contact UPS to rearrange, quoting 1Z999AA10123456784.");
        assertThat(lastEmail().html()).contains("<td>1Z999AA10123456784</td>").doesNotContain("<a href=\"https://track");
    }

    @Test
    void vipCustomer_isRecognisedInTheSubject() {
        // given: the loyalty programme knows the customer as Gold, a VIP tier in policies.json
        deliveries.placeOrder(EN.order());
        CustomerProfile profile = harness.customers.profile(EN.customerId()).orElseThrow();
        harness.customers.saveProfile(profile.withLoyalty(new Loyalty(true, "Gold", 1200), harness.clock.instant())
                .withVersion(profile.version() + 1), profile.version());

        deliveries.ship(EN, "in_transit", SHIPPED);

        assertThat(lastEmail().subject()).isEqualTo("[VIP] Your Aftercart Demo order #1001 has shipped");
    }

    // --- what a text costs -------------------------------------------------------------------

    /**
     * Every text of a split order whose first parcel goes through each texted status, as sent. English
     * stays in GSM-7 (no curly quotes or dashes) and under 160 septets with a ~40-character tracking
     * link: one segment each. Korean and Thai are UCS-2 (70 units, then 67 a part): with a tracking
     * link they take two segments; "everything has arrived" carries no link and fits one.
     */
    @Test
    void smsSegments_perLanguageAndNotice() {
        assertThat(texts(EN)).containsExactly(
                "out_for_delivery GSM7 1",
                "attempted_delivery GSM7 1",
                "attempted-follow-up GSM7 1",
                "exception GSM7 1",
                "ready_for_pickup GSM7 1",
                "delivered(part) GSM7 1",
                "all_delivered GSM7 1");
        assertThat(texts(KO)).containsExactly(
                "out_for_delivery UCS2 2",
                "attempted_delivery UCS2 2",
                "attempted-follow-up UCS2 2",
                "exception UCS2 2",
                "ready_for_pickup UCS2 2",
                "delivered(part) UCS2 2",
                "all_delivered UCS2 1");
        assertThat(texts(TH)).containsExactly(
                "out_for_delivery UCS2 2",
                "attempted_delivery UCS2 2",
                "attempted-follow-up UCS2 2",
                "exception UCS2 2",
                "ready_for_pickup UCS2 2",
                "delivered(part) UCS2 2",
                "all_delivered UCS2 1");
    }

    /** Runs one shop's split order through every texted status in a fresh harness: "notice encoding segments" per text. */
    private static List<String> texts(Deliveries.Shop shop) {
        EngineHarness fresh = EngineHarness.create();
        Deliveries d = new Deliveries(fresh);
        d.placeOrder(shop.order());
        int before = fresh.sms.count();
        d.shipParcel(shop, FIRST_PARCEL, "out_for_delivery", "2026-11-23T08:30:00Z");
        d.shipParcel(shop, FIRST_PARCEL, "attempted_delivery", "2026-11-23T10:00:00Z");
        d.sendScheduledSms(shop.customerId(), "shipping-updates", "attempted-follow-up");
        d.shipParcel(shop, FIRST_PARCEL, "exception", "2026-11-24T10:30:00Z");
        d.shipParcel(shop, FIRST_PARCEL, "ready_for_pickup", "2026-11-24T11:00:00Z");
        d.shipParcel(shop, FIRST_PARCEL, "delivered", "2026-11-25T09:00:00Z");
        d.shipParcel(shop, SECOND_PARCEL, "delivered", "2026-11-26T09:00:00Z");
        List<String> notices = List.of("out_for_delivery", "attempted_delivery", "attempted-follow-up", "exception",
                "ready_for_pickup", "delivered(part)", "all_delivered");
        List<SmsMessage> sent = fresh.sms.messages().subList(before, fresh.sms.count());
        assertThat(sent).hasSameSizeAs(notices);
        // the ledger keeps what each text cost
        assertThat(fresh.ledger.forCustomer(shop.customerId()).stream()
                .filter(e -> e.channel() == Channel.SMS && e.journeyId().equals("shipping-updates"))
                .map(LedgerEntry::smsSegments).sorted().toList())
                .isEqualTo(sent.stream().map(SmsMessage::segments).sorted().toList());
        return IntStream.range(0, sent.size())
                .mapToObj(i -> notices.get(i) + " " + sent.get(i).encoding() + " " + sent.get(i).segments())
                .toList();
    }
}
