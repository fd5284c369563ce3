package org.issa.tcw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the four working languages complete and every key the code uses defined. */
class TranslationsTest {

    private static final Map<String, Map<String, String>> BUNDLES = Translations.load();

    @Test
    void every_key_exists_in_english_french_spanish_and_german() {
        Set<String> english = BUNDLES.get("en").keySet();
        assertThat(english).isNotEmpty();
        for (String language : new String[] {"fr", "es", "de"}) {
            Set<String> keys = BUNDLES.get(language).keySet();
            assertThat(new TreeSet<>(english)).as("keys missing in " + language).isSubsetOf(keys);
            assertThat(new TreeSet<>(keys)).as("keys only in " + language).isSubsetOf(english);
        }
    }

    @Test
    void no_translation_is_empty_and_placeholders_match_english() {
        Pattern placeholder = Pattern.compile("\\{\\d+}");
        BUNDLES.get("en").forEach((key, english) -> {
            Set<String> expected = placeholders(placeholder, english);
            for (String language : new String[] {"en", "fr", "es", "de"}) {
                String value = BUNDLES.get(language).get(key);
                assertThat(value).as(language + " " + key).isNotBlank();
                assertThat(placeholders(placeholder, value)).as(language + " " + key).isEqualTo(expected);
            }
        });
    }

    @Test
    void every_key_the_code_names_is_defined() throws IOException {
        Pattern literal = Pattern.compile("(?:getTranslation|Translation|Key|UserFacingException|Exception|require|FieldName|requireText|optionalText)\\(\\s*\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    if (!BUNDLES.get("en").containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void the_provider_falls_back_to_english_and_formats_arguments_in_the_users_locale() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("dashboard.members", java.util.Locale.GERMAN, 1234))
                .isEqualTo("1.234 Mitglieder");
        assertThat(translations.getTranslation("error.conflict", java.util.Locale.JAPANESE))
                .startsWith("Someone else changed");
        assertThat(translations.getTranslation("dashboard.chair", java.util.Locale.FRENCH, "Mariana Costa"))
                .isEqualTo("Présidence : Mariana Costa");
        assertThat(translations.getTranslation("error.not-found", java.util.Locale.FRENCH))
                .isEqualTo("Cet enregistrement n'existe plus.");
    }

    private static Set<String> placeholders(Pattern pattern, String text) {
        Set<String> result = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            result.add(m.group());
        }
        return result;
    }
}
