package org.issa.tcw.base;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Input checks that services run before they change anything; each failure names a translation key. */
public final class Checks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{3,120}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Za-z]{2}$");

    private Checks() {
    }

    public static void require(boolean condition, String messageKey, Object... arguments) {
        if (!condition) {
            throw new UserFacingException(messageKey, arguments);
        }
    }

    public static void requireText(@Nullable String value, int maxLength, String fieldKey) {
        require(value != null && !value.isBlank(), "validation.required", new FieldName(fieldKey));
        require(value.trim().length() <= maxLength, "validation.too-long", new FieldName(fieldKey), maxLength);
    }

    public static void optionalText(@Nullable String value, int maxLength, String fieldKey) {
        require(value == null || value.trim().length() <= maxLength, "validation.too-long", new FieldName(fieldKey),
                maxLength);
    }

    public static boolean isEmail(@Nullable String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value.trim()).matches();
    }

    public static boolean isDomain(@Nullable String value) {
        return value != null && DOMAIN.matcher(value.trim().toLowerCase(Locale.ROOT)).matches();
    }

    public static boolean isCountryCode(@Nullable String value) {
        return value != null && COUNTRY.matcher(value.trim()).matches()
                && java.util.Arrays.asList(Locale.getISOCountries()).contains(value.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * A message argument that is itself a translation key (the name of a field), translated by the
     * view together with the message.
     */
    public record FieldName(String key) {
    }
}
