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
    }
}
