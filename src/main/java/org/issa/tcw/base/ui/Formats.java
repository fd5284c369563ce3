package org.issa.tcw.base.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Dates and numbers in the user's locale. */
public final class Formats {

    private Formats() {
    }

    public static String date(@Nullable LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public static String number(long value, Locale locale) {
        return java.text.NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** The country's name in the user's language, from its ISO code. */
    public static String country(@Nullable String isoCode, Locale locale) {
        return isoCode == null ? "" : Locale.of("", isoCode).getDisplayCountry(locale);
    }

    /**
     * An institution's name with its country in brackets, unless the name already ends with its
     * country in brackets (in the reader's language or in any of the workspace's languages, whatever
     * the accents or the kind of apostrophe): "INSS (Brazil)", never "INSS (Brazil) (Brazil)", nor
     * "Caisse nationale de sécurité sociale (Maroc) (Morocco)".
     */
    public static String institution(String name, @Nullable String isoCode, Locale locale) {
        if (isoCode == null) {
            return name;
        }
        String country = country(isoCode, locale);
        String trimmed = plain(name.strip());
        for (Locale language : new Locale[] {locale, Locale.ENGLISH, Locale.FRENCH, Locale.of("es"), Locale.GERMAN}) {
            if (trimmed.endsWith("(" + plain(country(isoCode, language)) + ")")) {
                return name;
            }
        }
        if (trimmed.endsWith("(" + plain(isoCode) + ")")) {
            return name;
        }
        return name + " (" + country + ")";
    }

    /** Lower case, without accents, one kind of apostrophe: "Côte d’Ivoire" and "Cote d'Ivoire" compare equal. */
    private static String plain(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }
}
