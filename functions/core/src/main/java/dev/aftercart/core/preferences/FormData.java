package dev.aftercart.core.preferences;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded}, as a query string or a posted form: {@code a=1&b=2}.
 * The first value of a repeated name wins; a name without {@code =} has the value {@code ""}; a
 * malformed escape makes the whole input refused.
 */
public final class FormData {

    /** More fields than the preference page ever sends; anything beyond is refused, not truncated. */
    static final int MAX_FIELDS = 32;

    private FormData() {
    }

    /**
     * @throws IllegalArgumentException naming the rule broken, for a 400
     */
    public static Map<String, String> parse(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        String[] pairs = encoded.split("&");
        if (pairs.length > MAX_FIELDS) {
            throw new IllegalArgumentException("form has more than " + MAX_FIELDS + " fields");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("form field is not valid percent-encoding");
        }
    }
}
