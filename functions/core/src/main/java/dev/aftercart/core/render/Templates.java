package dev.aftercart.core.render;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message templates, kept per journey and language under {@code journeys/templates/}:
 * {@code <template>/<lang>/subject.mustache}, {@code email.html.mustache}, {@code email.txt.mustache}
 * and {@code sms.mustache}. Shared pieces live in {@code _partials/<lang>/}.
 *
 * <p>HTML parts escape every value; text parts and SMS do not, and rely on {@link Text#clean}.
 * A missing variable is an error, so a typo in a template fails its test instead of sending a gap.
 */
public final class Templates {

    public static final String ROOT = "journeys/templates/";
    public static final String FALLBACK_LANGUAGE = "en";

    public enum Part {
        SUBJECT("subject.mustache", false),
        EMAIL_HTML("email.html.mustache", true),
        EMAIL_TEXT("email.txt.mustache", false),
        SMS("sms.mustache", false),
        PAGE("page.html.mustache", true);

        final String file;
        final boolean html;

        Part(String file, boolean html) {
            this.file = file;
            this.html = html;
        }
    }

    private final ClassLoader loader;
    private final Map<String, Optional<Template>> compiled = new ConcurrentHashMap<>();

    public Templates(ClassLoader loader) {
        this.loader = loader;
    }

    public static Templates fromClasspath() {
        return new Templates(Templates.class.getClassLoader());
    }

    /** The language directory to use for a BCP 47 tag: the full tag, then its language, then English. */
    public String language(String template, String localeTag) {
        for (String candidate : candidates(localeTag)) {
            if (resource(ROOT + template + "/" + candidate + "/" + Part.SUBJECT.file).isPresent()
                    || resource(ROOT + template + "/" + candidate + "/" + Part.SMS.file).isPresent()
                    || resource(ROOT + template + "/" + candidate + "/" + Part.PAGE.file).isPresent()) {
                return candidate;
            }
        }
        return FALLBACK_LANGUAGE;
    }

    /** Whether the template exists in any language this project ships (English always, as the fallback). */
    public boolean exists(String template) {
        return resource(ROOT + template + "/" + FALLBACK_LANGUAGE + "/" + Part.SUBJECT.file).isPresent()
                || resource(ROOT + template + "/" + FALLBACK_LANGUAGE + "/" + Part.SMS.file).isPresent();
    }

    public boolean has(String template, String language, Part part) {
        return compiled(template, language, part).isPresent();
    }

    public String render(String template, String language, Part part, Map<String, Object> model) {
        String name = template + "/" + language + "/" + part.file;
        try {
            Template compiledTemplate = compiled(template, language, part)
                    .orElseThrow(() -> new RenderException("no template " + name, null));
            return compiledTemplate.execute(model);
        } catch (MustacheException e) {
            throw new RenderException(name + ": " + e.getMessage(), e);
        }
    }

    private Optional<Template> compiled(String template, String language, Part part) {
        String key = template + "/" + language + "/" + part.file;
        return compiled.computeIfAbsent(key, k -> resource(ROOT + k).map(source -> compiler(language, part.html)
                .compile(new StringReader(source))));
    }

    private Mustache.Compiler compiler(String language, boolean html) {
        return Mustache.compiler()
                .escapeHTML(html)
                .nullValue("")
                .emptyStringIsFalse(true)
                .withLoader(name -> partial(language, name));
    }

    /** A shared piece of text, {@code _partials/<lang>/<name>.mustache} (else English), rendered unescaped. */
    public String renderPartial(String language, String name, Map<String, Object> model) {
        String key = "_partials/" + language + "/" + name;
        try {
            Template compiledTemplate = compiled.computeIfAbsent(key,
                    k -> Optional.of(compiler(language, false).compile(partial(language, name)))).orElseThrow();
            return compiledTemplate.execute(model);
        } catch (MustacheException e) {
            throw new RenderException(key + ": " + e.getMessage(), e);
        }
    }

    private Reader partial(String language, String name) {
        String path = ROOT + "_partials/" + language + "/" + name + ".mustache";
        String fallback = ROOT + "_partials/" + FALLBACK_LANGUAGE + "/" + name + ".mustache";
        String source = resource(path).or(() -> resource(fallback))
                .orElseThrow(() -> new IllegalStateException("no partial " + path));
        return new StringReader(source);
    }

    private Optional<String> resource(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                StringBuilder sb = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    sb.append(buffer, 0, n);
                }
                return Optional.of(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> candidates(String localeTag) {
        List<String> result = new ArrayList<>(3);
        if (localeTag != null && !localeTag.isBlank()) {
            Locale locale = Locale.forLanguageTag(localeTag);
            if (!locale.getCountry().isEmpty()) {
                result.add(locale.getLanguage() + "-" + locale.getCountry());
            }
            if (!locale.getLanguage().isEmpty()) {
                result.add(locale.getLanguage());
            }
        }
        result.add(FALLBACK_LANGUAGE);
        return result;
    }
}
