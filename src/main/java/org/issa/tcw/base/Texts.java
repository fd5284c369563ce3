package org.issa.tcw.base;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The translation bundles without any UI: each feature keeps its own bundle under
 * {@code i18n/<feature>.properties} (English) with {@code _fr}, {@code _es} and {@code _de}
 * siblings; this merges them. The Vaadin side ({@code base.ui.Translations}) reads through it, and
 * services that produce documents in a person's language (reports, exports) use it directly, so
 * there is one set of bundles and one way to read them. Apostrophes are literal, {@code {0}} are
 * placeholders.
 */
@Component
public class Texts {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"),
            Locale.GERMAN);
    static final String LOCATION = "classpath*:i18n/*.properties";

    private static final Logger log = LoggerFactory.getLogger(Texts.class);

    private final Map<String, Map<String, String>> byLanguage;

    public Texts() {
        this.byLanguage = load();
    }

    /** The text for a key in a language (English if that language lacks it), with its placeholders filled. */
    public String getTranslation(String key, @Nullable Locale locale, Object... params) {
        String pattern = lookup(key, locale);
        if (pattern == null) {
            log.warn("Missing translation key '{}'", key);
            return "!" + key + "!";
        }
        if (params.length == 0) {
            return pattern;
        }
        // Apostrophes are always literal in our bundles (French!), never MessageFormat quotes.
        return new MessageFormat(pattern.replace("'", "''"), locale == null ? ENGLISH : locale).format(params);
    }

    /** Whether a key exists (in English, the fallback language). */
    public boolean has(String key) {
        return byLanguage.getOrDefault("en", Map.of()).containsKey(key);
    }

    /** The best supported locale for a language tag, English if none fits. */
    public static Locale supported(@Nullable String languageTag) {
        String language = Locale.forLanguageTag(languageTag == null ? "" : languageTag).getLanguage();
        return LOCALES.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(ENGLISH);
    }

    private @Nullable String lookup(String key, @Nullable Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        Map<String, String> messages = byLanguage.get(language);
        String value = messages == null ? null : messages.get(key);
        return value != null ? value : byLanguage.getOrDefault("en", Map.of()).get(key);
    }

    /** language ("en", "fr", ...) -> key -> pattern; the file without a suffix is English. */
    public static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> result = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String file = resource.getFilename();
                if (file == null) {
                    continue;
                }
                String base = file.substring(0, file.length() - ".properties".length());
                int underscore = base.lastIndexOf('_');
                String language = underscore < 0 ? "en" : base.substring(underscore + 1);
                Properties properties = new Properties();
                try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                Map<String, String> target = result.computeIfAbsent(language, l -> new HashMap<>());
                properties.forEach((k, v) -> target.put((String) k, (String) v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the translation bundles", e);
        }
        return result;
    }
}
