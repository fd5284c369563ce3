package org.issa.tcw.base;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Input checks that services run before they change anything; each failure names a translation key. */
public final class Checks {

    /** An e-mail address, as forms and services check it. */
    public static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final Pattern EMAIL = Pattern.compile("^" + EMAIL_PATTERN + "$");
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{3,120}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Za-z]{2}$");

    private Checks() {
    }

    /** Refuses with {@code messageKey} unless {@code condition} holds. */
    @Contract("false, _, _ -> fail")
    public static void require(boolean condition, String messageKey, Object... arguments) {
        if (!condition) {
            throw new UserFacingException(messageKey, arguments);
        }
    }

    /**
     * A one-line name or title (of a person, an institution, a commission, a document, a thread,
     * a priority, a project, a milestone, an event): normalised and checked by {@link UserText}.
     *
     * @return the text to store
     * @throws UserFacingException when it is empty, too long, holds control or text-direction
     *         characters, or has nothing visible
     */
    public static String requireName(@Nullable String value, int maxLength, String fieldKey) {
        return checked(UserText.normalize(value, true), maxLength, true, fieldKey);
    }

    /** A required text that may span lines (a reason, a comment): the same rules as a name, line breaks allowed. */
    public static String requireText(@Nullable String value, int maxLength, String fieldKey) {
        return checked(UserText.normalize(value, false), maxLength, true, fieldKey);
    }

    /** An optional text that may span lines (a description, a mandate); empty when nothing was typed. */
    public static String optionalText(@Nullable String value, int maxLength, String fieldKey) {
        return checked(UserText.normalize(value, false), maxLength, false, fieldKey);
    }

    private static String checked(String normalized, int maxLength, boolean required, String fieldKey) {
        var violation = UserText.check(normalized, maxLength, required, fieldKey);
        if (violation.isPresent()) {
            throw violation.get().toException();
        }
        return normalized;
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
