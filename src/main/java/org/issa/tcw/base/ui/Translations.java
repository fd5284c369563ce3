package org.issa.tcw.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every user-visible string comes from here. Each feature keeps its own bundle under
 * {@code i18n/<feature>.properties} (English) with {@code _fr}, {@code _es} and {@code _de}
 * siblings, so features do not share one large file; this provider merges them. A test keeps the
 * four languages in step.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"),
            Locale.GERMAN);
    static final String LOCATION = "classpath*:i18n/*.properties";

    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    private final Map<String, Map<String, String>> byLanguage;

    public Translations() {
        this.byLanguage = load();
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String pattern = lookup(key, locale);
        if (pattern == null) {
            log.warn("Missing translation key '{}'", key);
            return "!" + key + "!";
        }
        if (params.length == 0) {
            return pattern;
        }
        // Apostrophes are always literal in our bundles (French!), never MessageFormat quotes.
        return new MessageFormat(pattern.replace("'", "''"), locale).format(params);
    }

    /** Whether a key exists (in English, the fallback language). */
    public boolean has(String key) {
        return byLanguage.getOrDefault("en", Map.of()).containsKey(key);
    }

    /** The best supported locale for a language tag, English if none fits. */
    public static Locale supported(String languageTag) {
        String language = Locale.forLanguageTag(languageTag == null ? "" : languageTag).getLanguage();
        return LOCALES.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(ENGLISH);
    }

    private String lookup(String key, Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        Map<String, String> messages = byLanguage.get(language);
        String value = messages == null ? null : messages.get(key);
        return value != null ? value : byLanguage.getOrDefault("en", Map.of()).get(key);
    }

    /** language ("en", "fr", ...) -> key -> pattern; the file without a suffix is English. */
    static Map<String, Map<String, String>> load() {
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
