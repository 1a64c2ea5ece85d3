package dev.aftercart.core.render;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * SES message tag values allow only ASCII letters, digits, {@code _} and {@code -}, at most 256 of
 * them; SES refuses the whole email otherwise. A value made of those travels as it is; any other
 * (a customer id such as {@code cus.42}, {@code jane@shop.example} or {@code gid://shop/Customer/7})
 * travels as {@code b64-} and its base64url, so feedback events name the customer exactly as sent.
 */
public final class EmailTags {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    static final int MAX_LENGTH = 256;
    private static final String ENCODED = "b64-";

    private EmailTags() {
    }

    /** The tag value, or {@code null} when even encoded it would be longer than SES allows (ids over 189 bytes). */
    public static String encode(String value) {
        if (SAFE.matcher(value).matches() && !value.startsWith(ENCODED)) {
            return value;
        }
        String encoded = ENCODED + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(value.getBytes(StandardCharsets.UTF_8));
        return encoded.length() <= MAX_LENGTH ? encoded : null;
    }

    /** The value {@link #encode} was given; a malformed encoding is returned as it is. */
    public static String decode(String tag) {
        if (tag == null || !tag.startsWith(ENCODED)) {
            return tag;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(tag.substring(ENCODED.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return tag;
        }
    }
}
