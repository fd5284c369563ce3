package org.issa.tcw.base;

import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * A refusal the user should read: carries a translation key (and its arguments) instead of an
 * English sentence, so the view shows it in the user's language. Services throw it before they
 * change anything, so a refused action leaves no trace.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public UserFacingException(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /**
     * The refusal in words: {@code translate} gives the text of a translation key with its
     * arguments (in the reader's language); arguments that are field names are translated too.
     */
    public String translated(BiFunction<String, Object[], String> translate) {
        Object[] args = Arrays.stream(arguments)
                .map(a -> a instanceof Checks.FieldName f ? translate.apply(f.key(), new Object[0]) : a)
                .toArray();
        return translate.apply(messageKey, args);
    }
}
