package org.issa.tcw.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issa.tcw.base.Texts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every user-visible string comes from here. Each feature keeps its own bundle under
 * {@code i18n/<feature>.properties} (English) with {@code _fr}, {@code _es} and {@code _de}
 * siblings, so features do not share one large file; this provider merges them. A test keeps the
 * four languages in step. The bundles are read by {@link Texts}, which services use for documents
 * made in a person's language.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale ENGLISH = Texts.ENGLISH;
    public static final List<Locale> LOCALES = Texts.LOCALES;

    private final Texts texts;

    public Translations() {
        this(new Texts());
    }

    @Autowired
    Translations(Texts texts) {
        this.texts = texts;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return texts.getTranslation(key, locale, params);
    }

    /** Whether a key exists (in English, the fallback language). */
    public boolean has(String key) {
        return texts.has(key);
    }

    /** The best supported locale for a language tag, English if none fits. */
    public static Locale supported(String languageTag) {
        return Texts.supported(languageTag);
    }

    /** language ("en", "fr", ...) -> key -> pattern; the file without a suffix is English. */
    static Map<String, Map<String, String>> load() {
        return Texts.load();
    }
}
