package org.issa.tcw.documents;

import java.util.List;

/**
 * One open editor (a browser tab) as the relay sees it. The relay calls these methods while it
 * holds the document's lock, in sequence order: implementations must only queue the message
 * (e.g. {@code UI.access}), never block.
 */
public interface EditorConnection {

    /** Another editor's update, stored under {@code seq}. */
    void deliver(long seq, String updateBase64);

    /** Another editor's presence (a y-protocols awareness update). */
    void presence(String awarenessBase64);

    /** Editors (their Yjs client ids) that closed the document. */
    void left(List<Long> clientIds);

    /**
     * The server lacks history this editor may hold: join again, take the server's content and
     * numbering, and send what the server's state vector says it lacks.
     */
    void reconcile();
}
