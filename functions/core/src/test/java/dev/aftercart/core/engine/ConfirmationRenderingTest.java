package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.MimeWriter;
import dev.aftercart.core.render.SmsEncoding;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.MimeReader;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the customer reads: the order confirmation rendered by the engine in each shipped language. */
class ConfirmationRenderingTest {

    private final EngineHarness harness = EngineHarness.create();

    private EmailMessage confirmationEmail(Map<String, Object> event) {
        harness.accept(event);
        return harness.email.last();
    }

    private SmsMessage confirmationSms(String fixture) {
        harness.accept(event(fixture));
        return harness.sms.last();
    }

    /** The lines of the text part's cross-sell block, or none when there is no block. */
    private static String crossSellBlock(String text) {
        int start = text.indexOf("Goes well with your order:");
        if (start < 0) {
            return "";
        }
        int end = text.indexOf("\n\n", start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private void catalogProduct(String id, String name) {
        harness.catalog.saveProduct(new Product(id, name, "accessories", "https://shop.example/p/" + id, null,
                Money.of("24.00", "USD"), null, null, true, Instant.parse("2026-11-01T00:00:00Z")));
    }

    @Test
    void english_listsEachItem_withSaleAndOriginalPrice_saving_andTheTotal() {
        // when
        EmailMessage email = confirmationEmail(event("order-placed.json"));

        // then
        assertThat(email.subject()).isEqualTo("Your Aftercart Demo order #1001 is confirmed");
        assertThat(email.text())
                .contains("Thanks for your order, Zephyrine!")
                .contains("placed on November 20, 2026")
                .contains("- Trail Running Shoe x 1: $79.00 (was $99.00, you save $20.00) = $79.00")
                .contains("- Merino Socks x 2: $12.50 = $25.00")
                .contains("Subtotal: $104.00")
                .contains("Discount: -$5.00")
                .contains("Total: $107.32")
                .contains("You saved $25.00 on this order.");
        assertThat(email.html())
                .contains("<s style=\"color:#888888\">$99.00</s><br>$79.00")
                .contains("You save $20.00")
                .contains("<strong>$107.32</strong>");
    }

    @Test
    void korean_isInKorean_withWonAmountsWithoutDecimals() {
        // when
        EmailMessage email = confirmationEmail(event("order-placed-ko.json"));

        // then
        assertThat(email.subject()).isEqualTo("[Aftercart Demo] 주문 #2001 확인 안내");
        assertThat(email.text())
                .contains("지민님, 주문해 주셔서 감사합니다!")
                .contains("2026년 11월 20일에 접수된 주문 #2001")
                .contains("- 무선 이어폰 x 1: ₩79,000 (정가 ₩99,000, ₩20,000 할인) = ₩79,000")
                .contains("- 이어팁 세트 x 2: ₩9,000 = ₩18,000")
                .contains("총 결제 금액: ₩100,000");
        assertThat(email.html()).contains("<s style=\"color:#888888\">₩99,000</s><br>₩79,000").contains("<strong>₩100,000</strong>");
    }

    @Test
    void thai_isInThai_withBahtAmounts() {
        // when
        EmailMessage email = confirmationEmail(event("order-placed-th.json"));

        // then
        assertThat(email.subject()).isEqualTo("Aftercart Demo: ยืนยันคำสั่งซื้อ #3001");
        assertThat(email.text())
                .contains("ขอบคุณสำหรับคำสั่งซื้อ คุณสมชาย!")
                .contains("- เสื่อโยคะ x 1: ฿1,290.00 (ราคาปกติ ฿1,590.00 ประหยัด ฿300.00) = ฿1,290.00")
                .contains("ยอดรวม: ฿1,690.00")
                .contains("คุณประหยัดไป ฿300.00");
        assertThat(email.html()).contains("<strong>฿1,690.00</strong>");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"order-placed.json", "order-placed-ko.json", "order-placed-th.json"})
    void orderWithoutASubtotal_hasNoEmptySubtotalLine(String fixture) {
        // given: subtotal is optional in the contract
        Map<String, Object> json = Fixtures.remove(event(fixture), "detail.subtotal");

        // when
        EmailMessage email = confirmationEmail(json);

        // then: no line ends in a label with nothing after it
        assertThat(email.text().lines()).noneMatch(line -> line.endsWith(": "));
        assertThat(email.html()).doesNotContain("width=\"120\"></td>");
    }

    @Test
    void vipCustomer_isGreetedAsVip() {
        // given: the loyalty programme knows the customer as Gold, a VIP tier in policies.json
        harness.customers.saveProfile(Fixtures.profile("c-1001").loyalty("Gold", 1200).build(), 0);

        // when
        EmailMessage email = confirmationEmail(event("order-placed.json"));

        // then
        assertThat(email.subject()).startsWith("[VIP] ");
        assertThat(email.text()).startsWith("Thank you for being a Gold member, Zephyrine!");
        assertThat(email.html()).contains("Thank you for being a Gold member, Zephyrine!");
    }

    @Test
    void memberOfATierThatIsNotVip_getsTheOrdinaryGreeting() {
        harness.customers.saveProfile(Fixtures.profile("c-1001").loyalty("Silver", 80).build(), 0);

        EmailMessage email = confirmationEmail(event("order-placed.json"));

        assertThat(email.subject()).doesNotContain("VIP");
        assertThat(email.text()).startsWith("Thanks for your order, Zephyrine!");
    }

    @Test
    void mailingListOffer_isShown_toACustomerWhoHasNotSubscribed() {
        EmailMessage email = confirmationEmail(event("order-placed.json"));

        assertThat(email.text()).contains("Be first to hear about sales and new arrivals: https://shop.example/subscribe");
        assertThat(email.html()).contains("<a href=\"https://shop.example/subscribe\">Join our mailing list</a>");
    }

    @Test
    void mailingListOffer_isNotShown_toACustomerWhoSubscribed() {
        Map<String, Object> json = set(event("order-placed.json"), "detail.customer.consent.emailMarketing", true);

        EmailMessage email = confirmationEmail(json);

        assertThat(email.text()).doesNotContain("https://shop.example/subscribe");
        assertThat(email.html()).doesNotContain("https://shop.example/subscribe");
    }

    @Test
    void crossSell_recommendsWhatIsBoughtTogether_butNeverAProductOfThisOrder() {
        // given: socks (in this order) are what shoes are most bought with; gaiters come next
        catalogProduct("p-900", "Trail Gaiters");
        catalogProduct("p-200", "Merino Socks");
        harness.catalog.boughtTogether("p-100", "p-200", 40).boughtTogether("p-100", "p-900", 12);

        // when
        EmailMessage email = confirmationEmail(event("order-placed.json"));

        // then
        String block = crossSellBlock(email.text());
        assertThat(block).contains("- Trail Gaiters $24.00 https://shop.example/p/p-900");
        assertThat(block).doesNotContain("Merino Socks", "Trail Running Shoe", "p-100", "p-200");
        assertThat(email.html()).contains("Goes well with your order").contains(">Trail Gaiters</a>");
    }

    @Test
    void crossSell_isLeftOut_whenNothingIsWorthRecommending() {
        harness.catalog.boughtTogether("p-100", "p-200", 40);

        EmailMessage email = confirmationEmail(event("order-placed.json"));

        assertThat(crossSellBlock(email.text())).isEmpty();
        assertThat(email.html()).doesNotContain("Goes well with your order");
    }

    @Test
    void firstName_isEscapedInHtml_andReadsAsTypedInTextAndSms() {
        // given
        Map<String, Object> json = set(event("order-placed.json"), "detail.customer.firstName", "<script>alert(1)</script>");

        // when
        EmailMessage email = confirmationEmail(json);
        SmsMessage sms = harness.sms.last();

        // then
        assertThat(email.html()).contains("Thanks for your order, &lt;script&gt;alert(1)&lt;/script&gt;!")
                .doesNotContain("<script>");
        assertThat(email.text()).contains("Thanks for your order, <script>alert(1)</script>!").doesNotContain("&lt;");
        assertThat(sms.body()).contains("Thanks <script>alert(1)</script>!").doesNotContain("&lt;");
    }

    @Test
    void firstName_withLineBreaks_reachesNoMessageAsALineBreak() {
        Map<String, Object> json = set(event("order-placed.json"), "detail.customer.firstName", "Zeph\r\nBcc: x@example.com");

        EmailMessage email = confirmationEmail(json);

        assertThat(email.text()).startsWith("Thanks for your order, Zeph Bcc: x@example.com!\n");
        assertThat(harness.sms.last().body()).doesNotContain("\r", "\n");
    }

    @Test
    void englishSms_isOneGsm7Segment() {
        SmsMessage sms = confirmationSms("order-placed.json");

        // 104 characters, all in the GSM-7 basic table ('#', '$' and the apostrophe included): one 160-septet segment
        assertThat(sms.body()).isEqualTo("Aftercart Demo: Thanks Zephyrine! Order #1001 is confirmed, total $107.32. "
                + "We'll text you when it ships.");
        assertThat(sms.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(sms.segments()).isEqualTo(1);
    }

    @Test
    void koreanSms_isOneUcs2Segment() {
        SmsMessage sms = confirmationSms("order-placed-ko.json");

        // Hangul and ₩ are outside GSM-7, so UCS-2; 65 UTF-16 units still fit the 70 of a single segment
        assertThat(sms.body()).isEqualTo("[Aftercart Demo] 지민님, 주문 #2001 접수 완료. 결제금액 ₩100,000. 발송되면 알려드릴게요.");
        assertThat(sms.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(sms.segments()).isEqualTo(1);
    }

    @Test
    void thaiSms_isOneUcs2Segment() {
        SmsMessage sms = confirmationSms("order-placed-th.json");

        // Thai and ฿ are outside GSM-7, so UCS-2, where every vowel and tone mark is a unit of its own;
        // the template is kept short (no name) so its 64 units fit the 70 of a single segment
        assertThat(sms.body()).isEqualTo("Aftercart Demo: คำสั่งซื้อ #3001 ยืนยันแล้ว ยอด ฿1,690.00 ขอบคุณ");
        assertThat(sms.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(sms.segments()).isEqualTo(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"order-placed.json", "order-placed-ko.json", "order-placed-th.json"})
    void confirmationEmail_writesAsMime_thatReadsBackAsComposed(String fixture) {
        // given
        EmailMessage email = confirmationEmail(event(fixture));

        // when
        MimeReader.Message mime = MimeReader.read(MimeWriter.write(email, harness.clock.instant()));

        // then
        assertThat(mime.decodedHeader("Subject")).isEqualTo(email.subject());
        assertThat(mime.part("text/plain").text()).isEqualTo(email.text().replace("\n", "\r\n"));
        assertThat(mime.part("text/html").text()).isEqualTo(email.html().replace("\n", "\r\n"));
        assertThat(mime.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
    }
}
