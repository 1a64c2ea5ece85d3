package dev.aftercart.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Message ids derive from the business key, never from the event id: the same journey, step,
 * channel and business fact (an order, a product, a shipment status) always give the same id, so
 * a re-delivered or re-published event finds the message already in the ledger.
 */
public final class MessageId {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private MessageId() {
    }

    /** 26 lowercase base32 characters (130 bits of SHA-256), safe in schedule names and MIME ids. */
    public static String of(String journeyId, String stepId, String channel, String businessKey) {
        String key = String.join("\u001f", journeyId, stepId, channel.toLowerCase(Locale.ROOT), businessKey);
        byte[] digest = sha256(key.getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; out.length() < 26; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < 26) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
