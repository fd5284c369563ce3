package org.issa.tcw.base;

/** Someone else saved the same record since it was loaded (optimistic locking). */
public class ConcurrentEditException extends UserFacingException {

    public ConcurrentEditException() {
        super("error.conflict");
    }
}
