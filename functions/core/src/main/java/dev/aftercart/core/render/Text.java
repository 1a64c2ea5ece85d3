package dev.aftercart.core.render;

/** Makes user-supplied text (names, product names) safe to place in a subject, a text part or an SMS. */
public final class Text {

    private Text() {
    }

    /**
     * Removes control characters (so no CR/LF can reach a header), collapses whitespace and cuts
     * to {@code max} characters without splitting a surrogate pair. HTML escaping is the
     * template's job; this is for every context.
     */
    public static String clean(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        boolean space = false;
        for (int i = 0; i < value.length() && out.length() < max; ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                space = !out.isEmpty();
                continue;
            }
            // Check the fit before writing the pending space, so a cut never leaves a trailing one.
            if (out.length() + (space ? 1 : 0) + Character.charCount(cp) > max) {
                break;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
