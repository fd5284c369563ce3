package org.issa.tcw.base;

import java.util.Arrays;

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
}
