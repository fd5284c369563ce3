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
     * country in brackets (in English or in the reader's language): "INSS (Brazil)", never
     * "INSS (Brazil) (Brazil)".
     */
    public static String institution(String name, @Nullable String isoCode, Locale locale) {
        if (isoCode == null) {
            return name;
        }
        String country = country(isoCode, locale);
        String trimmed = name.strip();
        for (String known : new String[] {country, country(isoCode, Locale.ENGLISH), isoCode}) {
            if (trimmed.endsWith("(" + known + ")")) {
                return name;
            }
        }
        return name + " (" + country + ")";
    }
}
