package org.issa.tcw.documents.ui;

import java.util.List;
import org.issa.tcw.documents.EditorConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One editor's own WebSocket as the relay sees it (ADR 117): what the relay hands the editor is
 * written to the socket as one small JSON text message each. Writes from several threads (the
 * relay's, under a document's lock; the socket's own answers; the heartbeat) are queued by Spring's
 * {@link ConcurrentWebSocketSessionDecorator}: the thread that finds the socket busy only queues.
 * A browser that does not take its messages (more than {@link #BUFFER_LIMIT} queued, or one write
 * stuck for {@link #SEND_TIME_LIMIT_MILLIS}) loses the socket, reconnects and joins again.
 * <p>
 * Messages to the browser: {@code {"t":"u","s":seq,"u":update}} (another editor's update),
 * {@code {"t":"p","a":awareness}} (presence), {@code {"t":"l","ids":"1,2"}} (editors that left),
 * {@code {"t":"r"}} (reconcile), {@code {"t":"b"}} (heartbeat), {@code {"t":"ok"}} (the token was
 * accepted) and the answers {@code {"i":id,"r":result}} or {@code {"i":id,"err":text}}. Base64 and
 * numbers need no JSON escaping, so these are written without a serializer.
 */
final class SocketEditor implements EditorConnection {

    private static final Logger log = LoggerFactory.getLogger(SocketEditor.class);

    /** The editor was closed on the server (view left, UI closed, signed out): do not reconnect. */
    static final CloseStatus GONE = new CloseStatus(4001, "editor closed");
    /** Another socket took over this editor (the browser replaced a connection it thought dead). */
    static final CloseStatus REPLACED = new CloseStatus(4002, "replaced by another socket");
    /** The token was not accepted here: the browser speaks through Vaadin instead. */
    static final CloseStatus REFUSED = new CloseStatus(4003, "not accepted");
    /** Nothing heard for too long (a dropped connection). */
    static final CloseStatus SILENT = new CloseStatus(4004, "nothing heard");

    static final int SEND_TIME_LIMIT_MILLIS = 10_000;
    static final int BUFFER_LIMIT = 8 * 1024 * 1024;

    private final WebSocketSession session;
    final Authentication authentication;
    final @Nullable String httpSession;
    volatile EditorSockets.@Nullable Binding binding;
    /** {@code System.nanoTime()} of the last message received. */
    volatile long heardAt = System.nanoTime();
    /** A text message arriving in parts (only the socket's receiving thread touches it). */
    @Nullable StringBuilder partial;

    SocketEditor(WebSocketSession session, Authentication authentication, @Nullable String httpSession) {
        this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MILLIS, BUFFER_LIMIT);
        this.authentication = authentication;
        this.httpSession = httpSession;
    }

    @Override
    public void deliver(long seq, String updateBase64) {
        send("{\"t\":\"u\",\"s\":" + seq + ",\"u\":\"" + updateBase64 + "\"}");
    }

    @Override
    public void presence(String awarenessBase64) {
        send("{\"t\":\"p\",\"a\":\"" + awarenessBase64 + "\"}");
    }

    @Override
    public void left(List<Long> clientIds) {
        StringBuilder ids = new StringBuilder();
        for (Long id : clientIds) {
            ids.append(ids.isEmpty() ? "" : ",").append(id.longValue());
        }
        send("{\"t\":\"l\",\"ids\":\"" + ids + "\"}");
    }

    @Override
    public void reconcile() {
        send("{\"t\":\"r\"}");
    }

    /** Queues a text message; never throws (a socket that cannot take it is closed). */
    void send(String json) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new TextMessage(json));
        } catch (Exception e) {
            // closed meanwhile, a write that failed, or a browser too slow to read (limits exceeded)
            log.debug("Editor socket {}: message not sent, closing", session.getId(), e);
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    boolean isOpen() {
        return session.isOpen();
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (Exception e) {
            log.debug("Editor socket {}: close failed", session.getId(), e);
        }
    }
}
