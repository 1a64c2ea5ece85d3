package dev.aftercart.core.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.testing.Fixtures;
import dev.aftercart.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed link tokens: what one says survives the round trip until it expires, and any change to
 * it, or a key other than the one it was signed with, gets it refused with a reason.
 */
class LinkTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(90);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final MutableClock clock = MutableClock.at(ISSUED.toString());
    private final LinkTokens tokens = new LinkTokens(Fixtures.LINK_KEY, clock, LIFETIME);

    /** A token for {@code payload} signed as {@link LinkTokens} signs, under the test key. */
    private static String signed(String payload) throws Exception {
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Fixtures.LINK_KEY, "HmacSHA256"));
        return body + "." + B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String body(String token) {
        return token.substring(0, token.indexOf('.'));
    }

    private static String signature(String token) {
        return token.substring(token.indexOf('.') + 1);
    }

    @Test
    void verify_returnsTheCustomerAndTopic_ofAnIssuedToken() {
        // given
        String token = tokens.issue("c-1001", LinkTokens.EMAIL_MARKETING);

        // when
        LinkTokens.Check check = tokens.verify(token);

        // then
        assertThat(check).isEqualTo(new LinkTokens.Check.Valid("c-1001", "email_marketing"));
    }

    @Test
    void issue_makesAUrlSafeToken_ofBodyDotSignature() {
        String token = tokens.issue("c-1001", LinkTokens.PREFERENCES);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(new String(B64_DECODE.decode(body(token)), StandardCharsets.UTF_8))
                .isEqualTo("v1\nc-1001\npreferences\n" + ISSUED.plus(LIFETIME).getEpochSecond());
    }

    @Test
    void issue_givesDifferentTokens_forDifferentTopicsOfOneCustomer() {
        assertThat(tokens.issue("c-1001", LinkTokens.PREFERENCES))
                .isNotEqualTo(tokens.issue("c-1001", LinkTokens.EMAIL_MARKETING));
    }

    @Test
    void verify_acceptsAToken_untilTheSecondItExpires() {
        // given
        String token = tokens.issue("c-1001", LinkTokens.PREFERENCES);

        // when: the last second of its life
        clock.set(ISSUED.plus(LIFETIME));

        // then
        assertThat(tokens.verify(token)).isInstanceOf(LinkTokens.Check.Valid.class);
    }

    @Test
    void verify_refusesAToken_afterItExpired() {
        // given
        String token = tokens.issue("c-1001", LinkTokens.PREFERENCES);

        // when: one second later
        clock.set(ISSUED.plus(LIFETIME).plusSeconds(1));

        // then
        assertThat(tokens.verify(token)).isEqualTo(new LinkTokens.Check.Refused("expired"));
    }

    @Test
    void verify_refusesAnotherCustomersBody_underThisCustomersSignature() {
        // given: the body of c-2's token with the signature of c-1's
        String mine = tokens.issue("c-1", LinkTokens.EMAIL_MARKETING);
        String theirs = tokens.issue("c-2", LinkTokens.EMAIL_MARKETING);

        // when
        LinkTokens.Check check = tokens.verify(body(theirs) + "." + signature(mine));

        // then
        assertThat(check).isEqualTo(new LinkTokens.Check.Refused("bad_signature"));
    }

    @Test
    void verify_refusesATokenWhoseTopicWasRewritten() {
        // given: an unsubscribe token rewritten to open the preference page, keeping its signature
        String token = tokens.issue("c-1001", LinkTokens.EMAIL_MARKETING);
        String payload = new String(B64_DECODE.decode(body(token)), StandardCharsets.UTF_8)
                .replace("email_marketing", "preferences");

        // when
        LinkTokens.Check check = tokens.verify(B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + signature(token));

        // then
        assertThat(check).isEqualTo(new LinkTokens.Check.Refused("bad_signature"));
    }

    @Test
    void verify_refusesATokenWhoseExpiryWasExtended() {
        String token = tokens.issue("c-1001", LinkTokens.PREFERENCES);
        long expires = ISSUED.plus(LIFETIME).getEpochSecond();
        String payload = "v1\nc-1001\npreferences\n" + (expires + 365L * 24 * 3600);

        LinkTokens.Check check = tokens.verify(B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + signature(token));

        assertThat(check).isEqualTo(new LinkTokens.Check.Refused("bad_signature"));
    }

    @Test
    void verify_refusesASignatureDifferingInItsLastByte() {
        // given
        String token = tokens.issue("c-1001", LinkTokens.PREFERENCES);
        byte[] signature = B64_DECODE.decode(signature(token));
        signature[signature.length - 1] ^= 0x01;

        // when
        LinkTokens.Check check = tokens.verify(body(token) + "." + B64.encodeToString(signature));

        // then
        assertThat(check).isEqualTo(new LinkTokens.Check.Refused("bad_signature"));
    }

    @Test
    void verify_refusesASignatureDifferingInItsFirstCharacter() {
        String token = tokens.issue("c-1001", LinkTokens.PREFERENCES);
        String signature = signature(token);
        String changed = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

        assertThat(tokens.verify(body(token) + "." + changed)).isEqualTo(new LinkTokens.Check.Refused("bad_signature"));
    }

    /** A 32-byte signature is 43 base64 characters; the last carries 2 spare bits a decoder ignores. */
    @Test
    void verify_acceptsOnlyOneSpellingOfTheSignature_notItsSpareBitVariants() {
        String token = tokens.issue("c-1001", LinkTokens.PREFERENCES);
        String signature = signature(token);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(signature.charAt(signature.length() - 1));
        String sameBits = signature.substring(0, signature.length() - 1) + alphabet.charAt(last ^ 1);

        assertThat(java.util.Base64.getUrlDecoder().decode(sameBits))
                .isEqualTo(java.util.Base64.getUrlDecoder().decode(signature));
        assertThat(tokens.verify(body(token) + "." + sameBits)).isEqualTo(new LinkTokens.Check.Refused("bad_signature"));
        assertThat(tokens.verify(token)).isInstanceOf(LinkTokens.Check.Valid.class);
    }

    @Test
    void verify_refusesATruncatedSignature() {
        String token = tokens.issue("c-1001", LinkTokens.PREFERENCES);

        assertThat(tokens.verify(token.substring(0, token.length() - 4)))
                .isEqualTo(new LinkTokens.Check.Refused("bad_signature"));
    }

    @Test
    void verify_refusesATokenWithoutItsSignature() {
        String token = tokens.issue("c-1001", LinkTokens.PREFERENCES);

        assertThat(tokens.verify(body(token) + ".")).isEqualTo(new LinkTokens.Check.Refused("bad_signature"));
    }

    @Test
    void verify_refusesATokenSignedWithAnotherKey() {
        // given
        LinkTokens other = new LinkTokens("another-deployment-signing-key-32".getBytes(StandardCharsets.UTF_8), clock,
                LIFETIME);
        String token = other.issue("c-1001", LinkTokens.EMAIL_MARKETING);

        // when
        LinkTokens.Check check = tokens.verify(token);

        // then
        assertThat(check).isEqualTo(new LinkTokens.Check.Refused("bad_signature"));
        assertThat(other.verify(token)).isEqualTo(new LinkTokens.Check.Valid("c-1001", "email_marketing"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"no-dot-at-all", ".starts-with-a-dot", "one.two.three", "bad$base64.c2ln", "Ym9keQ.bad*sig",
            "a b.c d"})
    void verify_refusesMalformedTokens(String token) {
        assertThat(tokens.verify(token)).isEqualTo(new LinkTokens.Check.Refused("malformed"));
    }

    @Test
    void verify_refusesATokenLongerThan1024Characters_evenWhenProperlySigned() throws Exception {
        // given: a correctly signed token for a very long customer id
        String token = signed("v1\n" + "c".repeat(900) + "\npreferences\n" + ISSUED.plus(LIFETIME).getEpochSecond());
        assertThat(token.length()).isGreaterThan(1024);

        // when
        LinkTokens.Check check = tokens.verify(token);

        // then
        assertThat(check).isEqualTo(new LinkTokens.Check.Refused("malformed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v2\nc-1001\npreferences\n4000000000",
        "v1\nc-1001\npreferences",
        "v1\nc-1001\npreferences\n4000000000\nextra",
        "v1\n\npreferences\n4000000000",
        "v1\nc-1001\npreferences\nsoon"})
    void verify_refusesASignedPayloadOfTheWrongShape(String payload) throws Exception {
        assertThat(tokens.verify(signed(payload))).isEqualTo(new LinkTokens.Check.Refused("malformed"));
    }

    @Test
    void verify_acceptsAPayloadSignedByTheSameKeyOutsideThisClass() throws Exception {
        assertThat(tokens.verify(signed("v1\nc-9\nemail_marketing\n4000000000")))
                .isEqualTo(new LinkTokens.Check.Valid("c-9", "email_marketing"));
    }

    @Test
    void constructor_refusesAKeyShorterThan32Bytes() {
        byte[] shortKey = new byte[31];

        assertThatThrownBy(() -> new LinkTokens(shortKey, clock, LIFETIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void constructor_acceptsAKeyOfExactly32Bytes() {
        LinkTokens exact = new LinkTokens(new byte[32], clock, LIFETIME);

        assertThat(exact.verify(exact.issue("c-1", LinkTokens.PREFERENCES)))
                .isEqualTo(new LinkTokens.Check.Valid("c-1", "preferences"));
    }

    @Test
    void changingTheKeyArrayAfterwards_doesNotChangeTheKeyInUse() {
        // given
        byte[] key = Fixtures.LINK_KEY.clone();
        LinkTokens own = new LinkTokens(key, clock, LIFETIME);
        String token = own.issue("c-1001", LinkTokens.PREFERENCES);

        // when: the caller reuses its buffer
        Arrays.fill(key, (byte) 0);

        // then
        assertThat(own.verify(token)).isEqualTo(new LinkTokens.Check.Valid("c-1001", "preferences"));
        assertThat(tokens.verify(token)).isInstanceOf(LinkTokens.Check.Valid.class);
    }

    @Test
    void lazyTokens_readTheKeyOnFirstUse_andOnlyOnce() {
        // given
        AtomicInteger reads = new AtomicInteger();
        LinkTokens lazy = LinkTokens.lazy(() -> {
            reads.incrementAndGet();
            return Fixtures.LINK_KEY.clone();
        }, clock, LIFETIME);
        assertThat(reads).hasValue(0);

        // when
        String token = lazy.issue("c-1001", LinkTokens.EMAIL_MARKETING);
        LinkTokens.Check check = lazy.verify(token);

        // then: the same key as the eager form, read once
        assertThat(check).isEqualTo(new LinkTokens.Check.Valid("c-1001", "email_marketing"));
        assertThat(tokens.verify(token)).isEqualTo(check);
        assertThat(reads).hasValue(1);
    }

    @Test
    void lazyTokens_refuseAShortKey_whenFirstUsed() {
        LinkTokens lazy = LinkTokens.lazy(() -> new byte[16], clock, LIFETIME);

        assertThatThrownBy(() -> lazy.issue("c-1001", LinkTokens.PREFERENCES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
