package org.issa.tcw.security;

/**
 * The identity provider vouched for the user, but the application cannot accept the sign-in
 * (e.g. the person is deactivated, or the identity clashes with another person). The message is
 * for the log; the user sees a translated text chosen by {@link #reason()}.
 */
public class SignInRefusedException extends RuntimeException {

    /** Why; each has a translation {@code sso.refused.<reason>}. */
    public enum Reason {
        INACTIVE, CONFLICT, INCOMPLETE
    }

    private final Reason reason;

    public SignInRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
