package org.issa.tcw.documents;

/**
 * The answer to a push: {@code seq} is the update's sequence number (-1 if the push carried only
 * presence), {@code rejoin} tells the editor that this node does not know it (after a restart) and
 * it must join again, {@code reconcile} that the server has less than the editor has seen (it lost
 * history) and the editor must join again and send what the server lacks. {@code durable}: the
 * update is stored and committed, i.e. acknowledged; false only for a push answered once its update
 * was ordered (ADR 114), whose acknowledgement follows ({@link EditorConnection#durable}).
 */
public record PushResult(long seq, boolean rejoin, boolean reconcile, boolean durable) {

    /** An answer after the commit: durable. */
    public PushResult(long seq, boolean rejoin, boolean reconcile) {
        this(seq, rejoin, reconcile, true);
    }
}
