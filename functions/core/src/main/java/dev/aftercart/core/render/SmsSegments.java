package dev.aftercart.core.render;

/**
 * Counts the segments an SMS body costs, as carriers bill it (3GPP TS 23.038).
 *
 * <p>GSM-7 counts septets: characters of the extension table ({@code ^ { } \ [ ] ~ | €} and form
 * feed) take two. UCS-2 counts UTF-16 code units, so a character outside the BMP takes two.
 */
public final class SmsSegments {

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    public record Count(SmsEncoding encoding, int units, int segments) {
    }

    public static Count count(String body) {
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (GSM7_BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (GSM7_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return of(SmsEncoding.UCS2, body.length());
            }
        }
        return of(SmsEncoding.GSM7, septets);
    }

    private static Count of(SmsEncoding encoding, int units) {
        int segments;
        if (units == 0) {
            segments = 0;
        } else if (units <= encoding.singleSegmentCapacity()) {
            segments = 1;
        } else {
            segments = (units + encoding.multipartSegmentCapacity() - 1) / encoding.multipartSegmentCapacity();
        }
        return new Count(encoding, units, segments);
    }
}
