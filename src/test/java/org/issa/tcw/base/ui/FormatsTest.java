package org.issa.tcw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Institutions are shown with their country once, whatever the reader's language. */
class FormatsTest {

    @Test
    void an_institution_whose_name_ends_with_its_country_is_not_given_it_twice() {
        assertThat(Formats.institution("National Social Security Institute (Brazil)", "BR", Locale.ENGLISH))
                .isEqualTo("National Social Security Institute (Brazil)");
        assertThat(Formats.institution("National Social Security Institute (Brazil)", "BR", Locale.FRENCH))
                .isEqualTo("National Social Security Institute (Brazil)");
        assertThat(Formats.institution("Deutsche Rentenversicherung Bund", "DE", Locale.FRENCH))
                .isEqualTo("Deutsche Rentenversicherung Bund (Allemagne)");
        assertThat(Formats.institution("NSSF", null, Locale.ENGLISH)).isEqualTo("NSSF");
        // the name's own country in French, or with another apostrophe (seen on the ICT page: "(Maroc) (Morocco)")
        assertThat(Formats.institution("Caisse nationale de sécurité sociale (Maroc)", "MA", Locale.ENGLISH))
                .isEqualTo("Caisse nationale de sécurité sociale (Maroc)");
        assertThat(Formats.institution("Caisse de sécurité sociale (Sénégal)", "SN", Locale.GERMAN))
                .isEqualTo("Caisse de sécurité sociale (Sénégal)");
        assertThat(Formats.institution("Caisse nationale de prévoyance sociale (Côte d'Ivoire)", "CI", Locale.ENGLISH))
                .isEqualTo("Caisse nationale de prévoyance sociale (Côte d'Ivoire)");
    }
}
