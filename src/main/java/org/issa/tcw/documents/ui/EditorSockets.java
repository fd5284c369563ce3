package org.issa.tcw.documents.ui;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The editors' own WebSockets (ADR 117): which open editor a socket speaks for. When the editor
 * ({@link CollaborativeEditor}) is attached it gets a random token bound to the document, the
 * signed-in person, the HTTP session and the person's language; the browser presents it as the
 * socket's first message ({@link EditorSocketHandler}), from the same session and as the same
 * person, or the socket is closed. The token is revoked — and the socket with it closed, which
 * leaves the document's room — when the editor is detached (view left, UI closed, session ended:
 * Vaadin detaches the UIs of a session that ends) and when the HTTP session is destroyed.
 * <p>
 * {@code tcw.documents.transport=socket} (the default) hands editors a token; {@code vaadin}
 * does not, and the editor then speaks through Vaadin ({@code @ClientCallable} and server push)
 * as it did before. The browser falls back to Vaadin by itself when the socket cannot open.
 */
@Component
class EditorSockets implements HttpSessionListener {

    /** The socket's address, relative to the application's root. */
    static final String PATH = "/documents/socket";

    /** One attached editor: what its socket may do, and the socket open for it now (if any). */
    static final class Binding {
        final String token;
        final long documentId;
        final String principal;
        final String httpSession;
        final Locale locale;
        volatile @Nullable SocketEditor socket;

        Binding(String token, long documentId, String principal, String httpSession, Locale locale) {
            this.token = token;
            this.documentId = documentId;
            this.principal = principal;
            this.httpSession = httpSession;
            this.locale = locale;
        }
    }

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean socket;

    EditorSockets(@Value("${tcw.documents.transport:socket}") String transport) {
        this.socket = parse(transport);
    }

    private static boolean parse(String transport) {
        return switch (transport.trim().toLowerCase(Locale.ROOT)) {
            case "socket" -> true;
            case "vaadin" -> false;
            default -> throw new IllegalArgumentException(
                    "tcw.documents.transport must be 'socket' or 'vaadin', not '" + transport + "'");
        };
    }

    /** Whether editors attached from now on get a socket of their own. */
    boolean enabled() {
        return socket;
    }

    /** Switches the transport of editors attached from now on (benchmarks compare both on one server). */
    void transport(String transport) {
        this.socket = parse(transport);
    }

    /** A token for an editor just attached, bound to its document, person, HTTP session and language. */
    String issue(long documentId, String principal, String httpSession, Locale locale) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        bindings.put(token, new Binding(token, documentId, principal, httpSession, locale));
        return token;
    }

    /**
     * The binding of a token presented on a socket, if it is valid there: issued to this person in
     * this HTTP session. A socket already open for the same editor is closed (the browser replaced
     * a connection it thinks dead) and the new one takes its place.
     */
    @Nullable Binding bind(String token, SocketEditor editor, @Nullable String principal,
            @Nullable String httpSession) {
        Binding binding = bindings.get(token);
        if (binding == null || !binding.principal.equals(principal) || !binding.httpSession.equals(httpSession)) {
            return null;
        }
        SocketEditor previous;
        synchronized (binding) {
            previous = binding.socket;
            binding.socket = editor;
        }
        if (previous != null && previous != editor) {
            previous.close(SocketEditor.REPLACED);
        }
        return binding;
    }

    /** The socket of a binding closed: it no longer speaks for the editor. */
    void unbind(Binding binding, SocketEditor editor) {
        synchronized (binding) {
            if (binding.socket == editor) {
                binding.socket = null;
            }
        }
    }

    /** The editor is gone: its token is void and its socket closed (which leaves the room). */
    void revoke(String token) {
        Binding binding = bindings.remove(token);
        if (binding != null) {
            SocketEditor open = binding.socket;
            if (open != null) {
                open.close(SocketEditor.GONE);
            }
        }
    }

    /** How many editors hold a token on this node (tests, and a look at what a node keeps). */
    int size() {
        return bindings.size();
    }

    /** Signed out or expired: every editor of the session loses its socket. */
    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        String id = event.getSession().getId();
        bindings.values().stream().filter(b -> b.httpSession.equals(id)).map(b -> b.token).toList()
                .forEach(this::revoke);
    }
}
