package org.issa.tcw.documents.ui;

import jakarta.annotation.PreDestroy;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.issa.tcw.base.Texts;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.documents.CollaborationLimits;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server end of the editors' own WebSockets (ADR 117): the same calls as the Vaadin transport
 * ({@link CollaborativeEditor}) — join, push, since, missing — on the same relay
 * ({@link DocumentCollaboration}, which makes every permission check), with request ids, and the
 * relay's messages to the editor ({@link SocketEditor}) on the same socket.
 * <p>
 * The handshake was made by a signed-in person from this origin ({@link EditorSocketHandshake});
 * the first message presents the editor's token ({@code {"op":"hello","token":…}}), checked by
 * {@link EditorSockets} against that person and HTTP session, else the socket is closed. Every
 * message then runs with the handshake's authentication in the security context, and refusals
 * are worded in the language of the editor's UI. Calls: {@code {"i":1,"op":"join"}},
 * {@code {"i":2,"op":"push","id":…,"u":…,"a":…,"c":clientId,"s":lastSeq}},
 * {@code {"i":3,"op":"since","after":n}}, {@code {"i":4,"op":"missing"}} and the heartbeat's
 * answer {@code {"op":"b"}}.
 * <p>
 * Every {@link #BEAT_SECONDS} s each socket gets a heartbeat; one not heard from for
 * {@link #SILENT_SECONDS} s (the browser or the network went away without closing it) leaves the
 * document's room and is closed.
 */
@Component
class EditorSocketHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(EditorSocketHandler.class);
    static final String EDITOR = "tcw.editor";
    static final long BEAT_SECONDS = 15;
    static final long SILENT_SECONDS = 45;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DocumentCollaboration collaboration;
    private final EditorSockets sockets;
    private final Texts texts;
    private final CurrentUser currentUser;
    /** The largest message taken: a push of the largest update the relay takes, twice (its own refusal then). */
    private final int maxChars;
    private final Set<SocketEditor> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("editor-socket-beats").factory());

    EditorSocketHandler(DocumentCollaboration collaboration, EditorSockets sockets, Texts texts,
            CurrentUser currentUser, CollaborationLimits limits) {
        this.collaboration = collaboration;
        this.sockets = sockets;
        this.texts = texts;
        this.currentUser = currentUser;
        this.maxChars = (int) Math.min(Integer.MAX_VALUE - 1024L, limits.maxUpdateBytes() * 8L / 3 + 65_536);
        beats.scheduleWithFixedDelay(() -> beat(System.nanoTime()), BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        beats.shutdownNow();
    }

    @Override
    public boolean supportsPartialMessages() {
        // the container's small receive buffer (ADR 112) takes a keystroke in one part; a paste
        // arrives in parts and is put together here, so no socket holds a large buffer for long
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Object authentication = session.getAttributes().get(EditorSocketHandshake.AUTHENTICATION);
        if (!(authentication instanceof Authentication auth)) {
            close(session, SocketEditor.REFUSED);
            return;
        }
        SocketEditor editor = new SocketEditor(session, auth,
                (String) session.getAttributes().get(EditorSocketHandshake.HTTP_SESSION));
        session.getAttributes().put(EDITOR, editor);
        open.add(editor);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        if (!(session.getAttributes().get(EDITOR) instanceof SocketEditor editor)) {
            return;
        }
        editor.heardAt = System.nanoTime();
        String text = message.getPayload();
        if (!message.isLast() || editor.partial != null) {
            StringBuilder partial = editor.partial == null ? new StringBuilder() : editor.partial;
            if (partial.length() + text.length() > maxChars) {
                editor.partial = null;
                editor.close(CloseStatus.TOO_BIG_TO_PROCESS);
                return;
            }
            partial.append(text);
            if (!message.isLast()) {
                editor.partial = partial;
                return;
            }
            editor.partial = null;
            text = partial.toString();
        }
        handle(editor, text);
    }

    private void handle(SocketEditor editor, String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (RuntimeException e) {
            editor.close(CloseStatus.BAD_DATA);
            return;
        }
        String op = message.path("op").asString("");
        EditorSockets.Binding binding = editor.binding;
        if (binding == null) {
            String token = message.path("token").asString("");
            binding = op.equals("hello") ? sockets.bind(token, editor, editor.authentication.getName(), editor.httpSession)
                    : null;
            if (binding == null) {
                editor.close(SocketEditor.REFUSED);
                return;
            }
            editor.binding = binding;
            editor.send("{\"t\":\"ok\"}");
            return;
        }
        if (op.equals("b")) {
            return;
        }
        long id = message.path("i").asLong(0);
        long documentId = binding.documentId;
        Locale locale = binding.locale;
        String answer = asThePerson(editor.authentication, () -> {
            try {
                Object result = switch (op) {
                    case "join" -> collaboration.join(documentId, editor);
                    case "push" -> PushAnswer.of(() -> collaboration.push(documentId, editor, text(message, "id"),
                            text(message, "u"), text(message, "a"), message.path("c").asLong(0),
                            message.path("s").asLong(-1)), e -> e.translated(translator(locale)),
                            key -> texts.getTranslation(key, locale));
                    case "since" -> collaboration.since(documentId, message.path("after").asLong(0));
                    case "missing" -> {
                        collaboration.missing(documentId, editor);
                        yield Boolean.TRUE;
                    }
                    default -> throw new IllegalArgumentException("unknown call " + op);
                };
                return "{\"i\":" + id + ",\"r\":" + JSON.writeValueAsString(result) + "}";
            } catch (AccessDeniedException e) {
                String key = e.getMessage() != null && texts.has(e.getMessage()) ? e.getMessage() : "error.access-denied";
                return refusal(id, texts.getTranslation(key, locale));
            } catch (UserFacingException e) {
                return refusal(id, e.translated(translator(locale)));
            } catch (RuntimeException e) {
                String reference = Long.toString(System.nanoTime() & 0xffffffL, 36);
                log.warn("Editor socket: {} on document {} failed (reference {})", op, documentId, reference, e);
                return refusal(id, texts.getTranslation("error.unexpected", locale, reference));
            }
        });
        editor.send(answer);
    }

    private java.util.function.BiFunction<String, Object[], String> translator(Locale locale) {
        return (key, args) -> texts.getTranslation(key, locale, args);
    }

    private static String refusal(long id, String text) {
        return "{\"i\":" + id + ",\"err\":" + JSON.writeValueAsString(text) + "}";
    }

    private static @Nullable String text(JsonNode message, String field) {
        JsonNode node = message.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    /** Runs a call as the person who opened the socket, looked up once (as one Vaadin request would). */
    private <T> T asThePerson(Authentication authentication, Supplier<T> work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return currentUser.asOneRequest(work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Editor socket {}: transport error", session.getId(), exception);
        close(session, CloseStatus.SERVER_ERROR);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(EDITOR) instanceof SocketEditor editor) {
            leave(editor);
        }
    }

    /** The socket is gone: it no longer speaks for the editor, and the others drop its presence. */
    private void leave(SocketEditor editor) {
        if (!open.remove(editor)) {
            return;
        }
        EditorSockets.Binding binding = editor.binding;
        if (binding != null) {
            sockets.unbind(binding, editor);
            collaboration.leave(binding.documentId, editor);
        }
    }

    /** Heartbeats, and sockets not heard from for too long (at {@code now}, a nanoTime) leave and are closed. */
    void beat(long now) {
        for (SocketEditor editor : open) {
            try {
                if (now - editor.heardAt > TimeUnit.SECONDS.toNanos(SILENT_SECONDS) || !editor.isOpen()) {
                    leave(editor);
                    editor.close(SocketEditor.SILENT);
                } else {
                    editor.send("{\"t\":\"b\"}");
                }
            } catch (RuntimeException e) {
                log.warn("Editor socket heartbeat failed", e);
            }
        }
    }

    /** How many editor sockets are open on this node. */
    int openSockets() {
        return open.size();
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (Exception e) {
            log.debug("Editor socket {}: close failed", session.getId(), e);
        }
    }
}
