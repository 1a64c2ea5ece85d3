package dev.aftercart.core.render;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * SES message tag values allow only letters, digits and {@code _ - . @}. A value made of those
 * travels as it is; any other (a customer id such as {@code gid://shop/Customer/7}) travels as
 * {@code b64-} and its base64url, so feedback events name the customer exactly as sent.
 */
public final class EmailTags {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.@-]{1,256}");
    private static final String ENCODED = "b64-";

    private EmailTags() {
    }

    public static String encode(String value) {
        if (SAFE.matcher(value).matches() && !value.startsWith(ENCODED)) {
            return value;
        }
        return ENCODED + Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
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
