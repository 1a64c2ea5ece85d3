package dev.aftercart.infra.events;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * Runs schema patterns as JSON Schema specifies them (ECMA-262), so the tests judge the schemas
 * the way a store's validator would. On the JDK one difference matters to the contract: in
 * ECMA-262 {@code $} is the end of input, while {@code java.util.regex} also lets it match before
 * a final line break, which would accept {@code "+14155550123\n"}. Outside character classes,
 * {@code $} therefore becomes {@code \z}. The schemas avoid the other differences ({@code \s},
 * {@code \w}) by spelling character classes out.
 */
final class EcmaPatterns implements RegularExpressionFactory {

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(toJava(regex));
        return value -> pattern.matcher(value).find();
    }

    static String toJava(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            }
            out.append(c == '$' && !inClass ? "\\z" : String.valueOf(c));
        }
        return out.toString();
    }
}
