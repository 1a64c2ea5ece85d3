package dev.aftercart.core.engine;

import static dev.aftercart.core.engine.CoffeeShop.Language.EN;
import static dev.aftercart.core.engine.CoffeeShop.Language.KO;
import static dev.aftercart.core.engine.CoffeeShop.Language.TH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.engine.CoffeeShop.Language;
import dev.aftercart.core.event.ReturnStatus;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.SmsEncoding;
import dev.aftercart.core.render.SmsMessage;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every return status by email and SMS, as it happens: what the status means for the customer,
 * what to do next when there is something to do, the items in the return, and the refund in the
 * customer's own money format.
 */
class ReturnUpdateRenderingTest {

    private final CoffeeShop shop = new CoffeeShop();

    private CoffeeShop.Message update(Language language, ReturnStatus status, String refund) {
        return shop.message("return-updates", "notice", language).order("coffee", "brewing").returned(status, refund);
    }

    static Stream<Arguments> englishWordsPerStatus() {
        return Stream.of(
                Arguments.of(ReturnStatus.REQUESTED, "We've received your return request for order #1001",
                        "We've got your return request", "We'll email you once it's approved"),
                Arguments.of(ReturnStatus.APPROVED, "Your return for order #1001 is approved: here's what to do next",
                        "Your return is approved", "Pack the items, attach the return label and drop the parcel off."),
                Arguments.of(ReturnStatus.REJECTED, "About your return request for order #1001",
                        "We couldn't approve your return", "Questions? Write to help@shop.example"),
                Arguments.of(ReturnStatus.RECEIVED, "Your returned items from order #1001 have arrived",
                        "Your return has arrived", "We'll let you know when your refund or exchange is done."),
                Arguments.of(ReturnStatus.REFUNDED, "We've refunded $36.00 for your return from order #1001",
                        "Your refund is on its way", "We've refunded $36.00 for your return from order #1001."),
                Arguments.of(ReturnStatus.EXCHANGE_SHIPPED, "Your exchange for order #1001 is on its way",
                        "Your exchange is on its way", "Your exchange for order #1001 has shipped"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("englishWordsPerStatus")
    void english_saysWhatEachStatusMeans_inEveryPart(ReturnStatus status, String subject, String heading, String sms) {
        // when
        CoffeeShop.Message message = update(EN, status, "36.00");
        EmailMessage email = message.email();

        // then
        assertThat(email.subject()).isEqualTo(subject);
        assertThat(email.text()).startsWith("Hi Emma,\n\n" + heading + "\n\n");
        assertThat(email.html()).contains(">" + heading + "</h1>");
        assertThat(message.sms().body()).startsWith("Aftercart Demo: ").contains(sms);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void eachStatus_hasWordsOfItsOwn_inEveryPart(Language language) {
        Set<String> subjects = new HashSet<>();
        Set<String> texts = new HashSet<>();
        Set<String> sms = new HashSet<>();
        for (ReturnStatus status : ReturnStatus.values()) {
            CoffeeShop.Message message = update(language, status, null);
            EmailMessage email = message.email();
            subjects.add(email.subject());
            texts.add(email.text());
            sms.add(message.sms().body());
        }

        // a misspelt status section would leave two statuses reading alike
        assertThat(subjects).hasSize(ReturnStatus.values().length);
        assertThat(texts).hasSize(ReturnStatus.values().length);
        assertThat(sms).hasSize(ReturnStatus.values().length);
    }

    @Test
    void approved_givesTheNextSteps_packLabelDropOff() {
        EmailMessage email = update(EN, ReturnStatus.APPROVED, null).email();

        assertThat(email.text()).contains("Here's how to send the items back:\n\n"
                + "1. Pack the items securely, in their original packaging if you can, with all parts and accessories.\n"
                + "2. Attach the return label to the outside of the parcel, and remove or cover any old shipping labels. "
                + "Can't find your label? Write to us at help@shop.example and we'll send it again.\n"
                + "3. Drop the parcel off with the carrier, and keep the receipt until your refund or exchange is complete.\n");
        assertThat(email.html()).contains("<li style=\"margin-bottom:6px\"><strong>Pack the items securely</strong>");
    }

    @Test
    void rejected_saysWhy_andPointsToSupport() {
        EmailMessage email = update(EN, ReturnStatus.REJECTED, null).email();

        assertThat(email.text())
                .contains("This usually happens when the return window has passed, or when an item can't be returned "
                        + "once it's been opened or used.")
                .contains("write to us at help@shop.example with your order number, #1001. A person on our team will "
                        + "look at it again.");
    }

    @Test
    void listsTheItemsInTheReturn_withTheirQuantities_andTheOrder() {
        EmailMessage email = update(EN, ReturnStatus.RECEIVED, null).email();

        assertThat(email.text()).contains("Order: #1001, placed on November 16, 2026\n\nItems in this return:\n"
                + "- Ethiopia Yirgacheffe Coffee Beans 250 g x 2\n\n--\n");
        assertThat(email.html()).contains("<td>Ethiopia Yirgacheffe Coffee Beans 250 g</td><td align=\"right\">2</td>")
                .doesNotContain("Ceramic Pour-Over Dripper");
    }

    @ParameterizedTest(name = "[{index}] {0} refunds {1} as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            EN | 36.00  | $36.00
            KO | 72000  | ₩72,000
            TH | 520.00 | ฿520.00
            """)
    void refund_statesTheAmount_inTheCustomersMoneyFormat(Language language, String amount, String formatted) {
        // when
        CoffeeShop.Message message = update(language, ReturnStatus.REFUNDED, amount);
        EmailMessage email = message.email();
        SmsMessage sms = message.sms();

        // then: won without decimals, baht and dollars with two
        assertThat(email.subject()).contains(formatted);
        assertThat(email.text()).contains(formatted);
        assertThat(email.html()).contains("<strong>" + formatted + "</strong>");
        assertThat(sms.body()).contains(formatted);
        assertThat(email.text() + sms.body()).doesNotContain(formatted + ".00", formatted + "0");
    }

    @Test
    void refundWithoutAnAmount_stillReadsAsASentence() {
        CoffeeShop.Message message = update(EN, ReturnStatus.REFUNDED, null);

        assertThat(message.email().subject()).isEqualTo("We've issued your refund for your return from order #1001");
        assertThat(message.email().text()).contains("We've issued your refund to your original payment method")
                .doesNotContain("Refund:");
        assertThat(message.sms().body()).isEqualTo("Aftercart Demo: We've issued your refund for your return from "
                + "order #1001. It can take up to 10 working days to show.");
    }

    @Test
    void korean_refund_statesTheAmountInWon() {
        CoffeeShop.Message message = update(KO, ReturnStatus.REFUNDED, "72000");

        assertThat(message.email().subject()).isEqualTo("[Aftercart Demo] 주문 #1003 환불 완료 안내(₩72,000)");
        assertThat(message.email().text()).contains("주문 #1003의 반품 상품 환불이 결제하신 수단으로 처리되었어요. 환불 금액은 ₩72,000입니다.")
                .contains("환불 금액: ₩72,000\n");
        assertThat(message.sms().body())
                .isEqualTo("[Aftercart Demo] 주문 #1003 환불 완료(₩72,000). 카드사에 따라 반영까지 며칠 걸릴 수 있어요.");
    }

    @Test
    void thai_approved_givesTheNextSteps() {
        CoffeeShop.Message message = update(TH, ReturnStatus.APPROVED, null);

        assertThat(message.email().subject()).isEqualTo("Aftercart Demo: อนุมัติการคืนสินค้าจากคำสั่งซื้อ #1005 แล้ว ดูขั้นตอนถัดไป");
        assertThat(message.email().text()).contains("1. แพ็กสินค้าให้เรียบร้อย").contains("2. ติดป้ายคืนสินค้า ที่ด้านนอกกล่อง")
                .contains("3. นำไปส่งที่จุดรับพัสดุ ของบริษัทขนส่ง");
    }

    @Test
    void escapesItemNamesInHtml() {
        EmailMessage email = shop.message("return-updates", "notice", EN).order("coffee").named("Beans <Dark> & \"Oily\"")
                .returned(ReturnStatus.REQUESTED, null).email();

        assertThat(email.html()).contains("<td>Beans &lt;Dark&gt; &amp; &quot;Oily&quot;</td>");
        assertThat(email.text()).contains("- Beans <Dark> & \"Oily\" x 2\n");
    }

    /**
     * What each text costs, pinned so a wording change that adds a segment is a decision. English is
     * GSM-7 (160 septets in one segment); Korean and Thai are UCS-2 (70 units in one, 67 a segment when
     * split). Thai needs more characters than Korean for the same words, so most Thai texts take two.
     */
    @ParameterizedTest(name = "[{index}] {0} {1}: {2} segment(s)")
    @CsvSource(delimiter = '|', textBlock = """
            EN | REQUESTED        | 1
            EN | APPROVED         | 1
            EN | REJECTED         | 1
            EN | RECEIVED         | 1
            EN | REFUNDED         | 1
            EN | EXCHANGE_SHIPPED | 1
            KO | REQUESTED        | 1
            KO | APPROVED         | 1
            KO | REJECTED         | 1
            KO | RECEIVED         | 1
            KO | REFUNDED         | 1
            KO | EXCHANGE_SHIPPED | 1
            TH | REQUESTED        | 2
            TH | APPROVED         | 2
            TH | REJECTED         | 2
            TH | RECEIVED         | 2
            TH | REFUNDED         | 2
            TH | EXCHANGE_SHIPPED | 1
            """)
    void sms_segments(Language language, ReturnStatus status, int segments) {
        SmsMessage sms = update(language, status, language == KO ? "72000" : language == TH ? "520.00" : "36.00").sms();

        assertThat(sms.encoding()).isEqualTo(language == EN ? SmsEncoding.GSM7 : SmsEncoding.UCS2);
        assertThat(sms.segments()).as(sms.body()).isEqualTo(segments);
    }
}
