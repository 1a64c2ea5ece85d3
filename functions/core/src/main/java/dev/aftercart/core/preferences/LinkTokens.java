package dev.aftercart.core.preferences;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for unsubscribe and preference links: the customer, the topic the link acts on and an
 * expiry, signed with HMAC-SHA256 and compared in constant time. Anyone holding a link can use
 * it until it expires; nobody can make one for another customer or topic.
 */
public final class LinkTokens {

    /** What a link lets its holder do. */
    public static final String PREFERENCES = "preferences";
    public static final String EMAIL_MARKETING = "email_marketing";

    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<byte[]> keySource;
    private final Clock clock;
    private final Duration lifetime;
    private volatile SecretKeySpec key;

    public LinkTokens(byte[] key, Clock clock, Duration lifetime) {
        this(checked(key.clone()), clock, lifetime);
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    private LinkTokens(Supplier<byte[]> keySource, Clock clock, Duration lifetime) {
        this.keySource = keySource;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Tokens whose key is fetched on first use, so a function that never signs or checks a link
     * never reads the secret (nor needs the permission), and a SnapStart snapshot never holds it.
     */
    public static LinkTokens lazy(Supplier<byte[]> key, Clock clock, Duration lifetime) {
        return new LinkTokens(key, clock, lifetime);
    }

    private static Supplier<byte[]> checked(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the link signing key must be at least 32 bytes");
        }
        return () -> key;
    }

    /** A verified token's meaning. */
    public sealed interface Check {
        record Valid(String customerId, String topic) implements Check {
        }

        /** Why a token is refused; the reason is for logs and is never the token itself. */
        record Refused(String reason) implements Check {
        }
    }

    public String issue(String customerId, String topic) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String payload = VERSION + "\n" + customerId + "\n" + topic + "\n" + expires;
        String body = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(sign(body));
    }

    public Check verify(String token) {
        if (token == null || token.length() > 1024) {
            return new Check.Refused("malformed");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Check.Refused("malformed");
        }
        String body = token.substring(0, dot);
        String signature = token.substring(dot + 1);
        byte[] payloadBytes;
        try {
            DECODER.decode(signature);
            payloadBytes = DECODER.decode(body);
        } catch (IllegalArgumentException e) {
            return new Check.Refused("malformed");
        }
        // The encoded signatures are compared, not the decoded bytes: base64 decoding ignores a final
        // character's spare bits, so several spellings would decode to one signature.
        byte[] expected = ENCODER.encodeToString(sign(body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return new Check.Refused("bad_signature");
        }
        String[] parts = new String(payloadBytes, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[1].isEmpty()) {
            return new Check.Refused("malformed");
        }
        long expires;
        try {
            expires = Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            return new Check.Refused("malformed");
        }
        if (clock.instant().isAfter(Instant.ofEpochSecond(expires))) {
            return new Check.Refused("expired");
        }
        return new Check.Valid(parts[1], parts[2]);
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] bytes = keySource.get();
            if (bytes.length < 32) {
                throw new IllegalStateException("the link signing key must be at least 32 bytes");
            }
            current = new SecretKeySpec(bytes, "HmacSHA256");
            key = current;
        }
        return current;
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JRE has HmacSHA256", e);
        }
    }
}
