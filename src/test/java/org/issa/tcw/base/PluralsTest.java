package org.issa.tcw.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Counts are worded with a MessageFormat choice, so "1 project" is singular and "2 projects"
 * plural in every language (French also says "0 projet").
 */
class PluralsTest {

    private static final Texts TEXTS = new Texts();
    private static final Locale ES = Locale.forLanguageTag("es");

    @Test
    void one_is_singular_and_two_plural_in_english_french_spanish_and_german() {
        expect("programme.projects-count", Locale.ENGLISH, "0 projects", "1 project", "2 projects");
        expect("programme.projects-count", Locale.FRENCH, "0 projet", "1 projet", "2 projets");
        expect("programme.projects-count", ES, "0 proyectos", "1 proyecto", "2 proyectos");
        expect("programme.projects-count", Locale.GERMAN, "0 Projekte", "1 Projekt", "2 Projekte");
        expect("dashboard.members", Locale.ENGLISH, "0 members", "1 member", "2 members");
        expect("dashboard.members", Locale.FRENCH, "0 membre", "1 membre", "2 membres");
        expect("dashboard.members", ES, "0 miembros", "1 miembro", "2 miembros");
        expect("dashboard.members", Locale.GERMAN, "0 Mitglieder", "1 Mitglied", "2 Mitglieder");
        expect("search.total", Locale.GERMAN, "0 Ergebnisse", "1 Ergebnis", "2 Ergebnisse");
        expect("discussion.unread-count", Locale.FRENCH, "0 nouveau", "1 nouveau", "2 nouveaux");
        expect("discussion.unread-count", ES, "0 nuevos", "1 nuevo", "2 nuevos");
        assertThat(TEXTS.getTranslation("notification.bell", Locale.FRENCH, 1)).isEqualTo("Notifications : 1 non lue");
        assertThat(TEXTS.getTranslation("secretariat.summary", Locale.ENGLISH, "2026–2028", 1, 1, 2, 1))
                .isEqualTo("Triennium 2026–2028: 1 project, 1 overdue milestone, 2 due soon, 1 programme awaiting approval.");
        assertThat(TEXTS.getTranslation("home.threads.unread", Locale.FRENCH, 1)).isEqualTo("1 message non lu");
        assertThat(TEXTS.getTranslation("home.threads.unread", Locale.FRENCH, 3)).isEqualTo("3 messages non lus");
    }

    @Test
    void large_counts_are_grouped_in_the_readers_way() {
        assertThat(TEXTS.getTranslation("search.total", Locale.ENGLISH, 12345L)).isEqualTo("12,345 results");
        assertThat(TEXTS.getTranslation("search.total", Locale.GERMAN, 12345L)).isEqualTo("12.345 Ergebnisse");
    }

    @Test
    void several_counts_in_one_message_each_agree_with_their_number() {
        assertThat(TEXTS.getTranslation("versions.summary", Locale.ENGLISH, 1, 2)).isEqualTo("+1 word, −2 words");
        assertThat(TEXTS.getTranslation("exchange.import.done", ES, 1, 2, 1, 0))
                .isEqualTo("Importado: 1 título, 2 párrafos, 1 lista, 0 tablas.");
        assertThat(TEXTS.getTranslation("consultation.summary.line", Locale.FRENCH, 1, 1))
                .isEqualTo("1 contribution, 1 traitée");
    }

    @Test
    void every_count_message_chooses_its_wording_by_the_number_in_every_language() {
        for (Map.Entry<String, Map<String, String>> language : Texts.load().entrySet()) {
            for (String key : PLURAL_KEYS) {
                assertThat(language.getValue().get(key)).as(language.getKey() + " " + key).contains(",choice,");
            }
        }
    }

    /** Every message that puts a count before a noun. */
    private static final java.util.List<String> PLURAL_KEYS = java.util.List.of("dashboard.members",
            "programme.projects-count", "search.total",
            "consultation.summary.line", "mail.subject.batch",
            "mail.subject.daily", "mail.subject.weekly",
            "versions.summary", "exchange.import.done",
            "exchange.import.left-out", "priority.delete.in-use",
            "event.delete.in-use", "programme.usage.commission",
            "commission.delete.in-use", "person.delete.has-notifications",
            "person.delete.in-use", "home.threads.unread",
            "home.secretariat.overdue", "home.programme.overdue", "secretariat.summary",
            "person.delete.in-comments", "person.delete.in-discussions", "institution.delete.in-use");

    private static void expect(String key, Locale locale, String zero, String one, String two) {
        assertThat(TEXTS.getTranslation(key, locale, 0)).as(key + " 0 " + locale).isEqualTo(zero);
        assertThat(TEXTS.getTranslation(key, locale, 1)).as(key + " 1 " + locale).isEqualTo(one);
        assertThat(TEXTS.getTranslation(key, locale, 2L)).as(key + " 2 " + locale).isEqualTo(two);
    }
}
