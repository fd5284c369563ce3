package org.issa.tcw.base;

import java.text.Normalizer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for text people type into names, titles, reasons and descriptions, and the one
 * cleaner for text that leaves the application in an export.
 *
 * <p>Typed text is normalised (Unicode NFC, surrounding white space removed; in a one-line name
 * tabs and line breaks become spaces) and then refused when it still holds characters that make a
 * name lie about itself or break a file format: C0/C1 control characters (NUL included), the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, which turn
 * {@code invoice\u202Efdp.exe} into "invoiceexe.pdf" on screen), unpaired surrogates and the
 * non-characters U+FFFE/U+FFFF. Text made only of invisible characters (spaces, zero-width and
 * other format characters, fillers) is refused as well: it would show as a blank row.
 *
 * <p>Exports cannot refuse: {@link #sanitize(String, boolean)} removes the same characters from whatever is
 * already stored, so an old record typed before these rules never breaks a PDF or an iCal feed.
 */
public final class UserText {

    private UserText() {
    }

    /**
     * A refusal: the translation key and its arguments (the field's name first, as a
     * {@link Checks.FieldName}).
     */
    public record Violation(String messageKey, Object... arguments) {

        public UserFacingException toException() {
            return new UserFacingException(messageKey, arguments);
        }
    }

    /** NFC, trimmed; in a one-line text every line break or tab becomes a space. {@code null} stays empty. */
    public static String normalize(@Nullable String text, boolean singleLine) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (singleLine) {
            s = s.replaceAll("[\\t\\n\\x0B\\f\\r\\u0085\\u2028\\u2029]+", " ");
        } else {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        return s.strip();
    }

    /**
     * What is wrong with an already {@linkplain #normalize normalised} text, if anything.
     *
     * @param fieldKey translation key of the field's label, the first argument of every message
     */
    public static Optional<Violation> check(String normalized, int maxLength, boolean required, String fieldKey) {
        var field = new Checks.FieldName(fieldKey);
        if (normalized.isEmpty()) {
            return required ? Optional.of(new Violation("validation.required", field)) : Optional.empty();
        }
        if (normalized.length() > maxLength) {
            return Optional.of(new Violation("validation.too-long", field, maxLength));
        }
        if (!removeForbidden(normalized, true).equals(normalized)) {
            return Optional.of(new Violation("validation.hidden-characters", field));
        }
        if (!hasVisibleCharacter(normalized)) {
            return Optional.of(new Violation("validation.invisible", field));
        }
        return Optional.empty();
    }

    /**
     * Text safe to write into any export (XML, PDF, spreadsheet, iCal), or to take from a source
     * that cannot be refused (an identity provider's token): the forbidden characters
     * removed, a text with nothing visible left becomes empty. Line breaks and tabs are kept when
     * {@code singleLine} is false, turned into spaces otherwise.
     */
    public static String sanitize(@Nullable String stored, boolean singleLine) {
        if (stored == null) {
            return "";
        }
        String s = removeForbidden(normalize(stored, singleLine), !singleLine);
        s = s.replaceAll(" {2,}", " ").strip(); // where a removed character stood between two spaces
        return hasVisibleCharacter(s) ? s : "";
    }

    /** {@link #sanitize(String, boolean)} of a one-line name or title. */
    public static String sanitize(@Nullable String stored) {
        return sanitize(stored, true);
    }

    /** Whether the character may never appear in a name, a title or an export. */
    static boolean isForbidden(int cp, boolean allowLineBreaks) {
        if (allowLineBreaks && (cp == '\n' || cp == '\t')) {
            return false;
        }
        return Character.getType(cp) == Character.CONTROL
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || Character.getType(cp) == Character.SURROGATE
                || cp == 0xFFFE || cp == 0xFFFF;
    }

    private static String removeForbidden(String s, boolean allowLineBreaks) {
        var out = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !isForbidden(cp, allowLineBreaks)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Something a reader sees: not white space, not a format character, not a blank filler. */
    static boolean hasVisibleCharacter(String s) {
        return s.codePoints().anyMatch(UserText::isVisible);
    }

    private static boolean isVisible(int cp) {
        int type = Character.getType(cp);
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return false;
        }
        return switch (type) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.PRIVATE_USE -> false;
            default -> !isBlankFiller(cp);
        };
    }

    /** Letters that render as nothing (Hangul fillers, braille blank, ...), used to fake empty names. */
    private static boolean isBlankFiller(int cp) {
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800 || cp == 0x034F
                || cp == 0x180E || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }
}
