package org.issa.tcw.base;

/** The record asked for does not exist (or the user may not know that it does). */
public class NotFoundException extends UserFacingException {

    public NotFoundException() {
        super("error.not-found");
    }
}
