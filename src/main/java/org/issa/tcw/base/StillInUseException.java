package org.issa.tcw.base;

/** A delete refused because other records still refer to the one being deleted. */
public class StillInUseException extends UserFacingException {

    public StillInUseException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
