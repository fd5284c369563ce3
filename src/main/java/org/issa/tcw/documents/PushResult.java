package org.issa.tcw.documents;

/**
 * The answer to a push: {@code seq} acknowledges the update (stored and committed; -1 if the push
 * carried only presence), {@code rejoin} tells the editor that this node does not know it (after
 * a restart) and it must join again, {@code reconcile} that the server has less than the editor
 * has seen (it lost history) and the editor must join again and send what the server lacks.
 */
public record PushResult(long seq, boolean rejoin, boolean reconcile) {
}
