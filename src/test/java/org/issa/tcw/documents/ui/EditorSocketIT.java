package org.issa.tcw.documents.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.issa.tcw.base.Texts;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.RecordingEditor;
import org.issa.tcw.documents.RelayRooms;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.testsupport.OneRequest;
import org.issa.tcw.testsupport.StatementCounter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editors' own WebSocket (ADR 117) on a real Tomcat: who may open it (signed in, this origin,
 * a token of their own session), that every call goes through the relay's permission checks with
 * refusals in the editor's language, that a push is answered only once its transaction committed,
 * and that the socket closes — leaving the document's room — when the HTTP session ends or the
 * browser goes silent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class EditorSocketIT {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    EditorSockets sockets;
    @Autowired
    EditorSocketHandler handler;
    @Autowired
    RelayRooms rooms;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    YjsEngine engine;
    @Autowired
    Texts texts;
    @Autowired
    StatementCounter counter;
    @Autowired
    @Qualifier("signedInPersonPerRequest")
    OncePerRequestFilter perRequest;

    /**
     * The statements of one push of the chair (ADR 118), measured 2026-12-08: the person, the role,
     * the document row locked, the resend check, the update, its receipt, the Yjs client's author
     * (a new client in each push here), the document advanced.
     */
    static final long MOST_STATEMENTS_PER_PUSH = 8;
    /** The checks' read-only transaction and the store's (ADR 118: the checks were one session per reading). */
    static final long MOST_SESSIONS_PER_PUSH = 2;

    RelayRooms.Room room;

    @BeforeEach
    void document() {
        room = rooms.create("Socket test");
    }

    @AfterEach
    void close() {
        room.close();
    }

    // ---- the handshake -------------------------------------------------------------------------

    @Test
    void nobody_signed_in_cannot_open_the_socket() {
        Browser anonymous = new Browser();
        // Spring Security sends the upgrade request to the sign-in page like any other
        assertThat(refusal(() -> anonymous.socket(null))).isEqualTo(302);
        assertThat(handler.openSockets()).isZero();
    }

    @Test
    void a_page_of_another_origin_cannot_open_the_socket_of_a_signed_in_person() throws Exception {
        Browser member = new Browser().signIn("member-ict");
        assertThat(refusal(() -> member.socket("http://evil.example"))).isEqualTo(403);
        assertThat(refusal(() -> member.socket("http://127.0.0.1:" + (port + 1)))).as("another port").isEqualTo(403);
        // the same person from the application's own origin: open
        Client same = member.socket("http://127.0.0.1:" + port);
        same.close();
    }

    /** The HTTP status of a refused handshake. */
    private static int refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable handshake) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(handshake);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
        }
        throw new AssertionError("the handshake was not refused", thrown);
    }

    /** Waits (up to 10 s) until the document has {@code count} open editors on this node. */
    private void awaitOpenEditors(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (relay.openEditors(room.documentId()) != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(relay.openEditors(room.documentId())).isEqualTo(count);
    }

    @Test
    void a_token_of_another_session_or_person_is_refused() throws Exception {
        Browser chair = new Browser().signIn("chair-ict");
        Browser member = new Browser().signIn("member-ict");
        String chairsToken = sockets.issue(room.documentId(), "chair-ict", chair.session(), Locale.ENGLISH);
        Client stolen = member.socket(null);
        stolen.send("{\"op\":\"hello\",\"token\":\"" + chairsToken + "\"}");
        assertThat(stolen.closedWith()).isEqualTo(SocketEditor.REFUSED.getCode());

        Client unknown = chair.socket(null);
        unknown.send("{\"op\":\"hello\",\"token\":\"made-up\"}");
        assertThat(unknown.closedWith()).isEqualTo(SocketEditor.REFUSED.getCode());

        Client noHello = chair.socket(null);
        noHello.send("{\"i\":1,\"op\":\"join\"}");
        assertThat(noHello.closedWith()).isEqualTo(SocketEditor.REFUSED.getCode());
    }

    // ---- calls through the relay's checks ------------------------------------------------------

    @Test
    void a_member_of_another_commission_cannot_join_the_document_by_socket() throws Exception {
        Browser other = new Browser().signIn("member-fam");
        Client socket = other.editor(room.documentId(), Locale.GERMAN);
        JsonNode answer = socket.call(1, "{\"i\":1,\"op\":\"join\"}");
        assertThat(answer.has("r")).isFalse();
        assertThat(answer.path("err").asString()).isEqualTo(texts.getTranslation("document.refused.read", Locale.GERMAN))
                .isNotEqualTo(texts.getTranslation("document.refused.read", Locale.ENGLISH));
        assertThat(relay.openEditors(room.documentId())).isZero();
        socket.close();
    }

    @Test
    void an_observers_push_is_refused_in_their_language() throws Exception {
        Browser observer = new Browser().signIn("observer-ict");
        Client socket = observer.editor(room.documentId(), Locale.FRENCH);
        JsonNode join = socket.call(1, "{\"i\":1,\"op\":\"join\"}").path("r");
        assertThat(join.path("editable").asBoolean()).isFalse();
        JsonNode push = socket.call(2, push(2, "obs-1", update("observer text"), 7, join.path("seq").asLong())).path("r");
        assertThat(push.path("seq").asLong()).isEqualTo(-1);
        assertThat(push.path("fatal").asBoolean()).isTrue();
        assertThat(push.path("refusal").asString()).isEqualTo(texts.getTranslation("document.refused.edit", Locale.FRENCH))
                .isNotEqualTo(texts.getTranslation("document.refused.edit", Locale.ENGLISH));
        assertThat(lastSeq()).isZero();
        socket.close();
    }

    @Test
    void a_push_is_answered_only_after_its_transaction_committed_and_reaches_the_others() throws Exception {
        CountDownLatch commitMayGo = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(1);
        RecordingEditor watcher = room.join("member-ict", new RecordingEditor() {
            @Override
            public synchronized void deliver(long seq, String updateBase64) {
                super.deliver(seq, updateBase64);
                if (TransactionSynchronizationManager.isActualTransactionActive()) {
                    // delivered before the commit (ADR 114): hold the commit back until the test lets it go
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            try {
                                commitMayGo.await(20, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
                }
                delivered.countDown();
            }
        });
        Browser chair = new Browser().signIn("chair-ict");
        Client socket = chair.editor(room.documentId(), Locale.ENGLISH);
        long seq = socket.call(1, "{\"i\":1,\"op\":\"join\"}").path("r").path("seq").asLong();
        socket.send(push(2, "chair-1", update("typed by the chair"), 11, seq));

        assertThat(delivered.await(20, TimeUnit.SECONDS)).as("the other editor got the update").isTrue();
        assertThat(socket.answerWithin(2, Duration.ofMillis(700))).as("no answer while the commit is held back").isNull();
        commitMayGo.countDown();
        JsonNode answer = socket.answer(2);
        long stored = answer.path("r").path("seq").asLong();
        assertThat(stored).isEqualTo(seq + 1);
        assertThat(lastSeq()).as("committed when acknowledged").isEqualTo(stored);
        assertThat(watcher.delivered()).isEqualTo(1);

        // a resend with the same id is answered with the same number and stored once
        assertThat(socket.call(3, push(3, "chair-1", update("typed by the chair"), 11, stored)).path("r").path("seq")
                .asLong()).isEqualTo(stored);
        assertThat(watcher.delivered()).isEqualTo(1);
        socket.close();
    }

    /**
     * The statements one push costs on the socket: the same as the same push inside one HTTP request
     * (the Vaadin transport's call, ADR 118), and no more than {@link #MOST_STATEMENTS_PER_PUSH}. Each
     * path is measured three times, alternately, and its fewest counted (a background job of the
     * server may prepare a statement meanwhile, never one less).
     */
    @Test
    void a_push_over_the_socket_costs_the_statements_of_the_same_push_in_a_request() throws Exception {
        Browser chair = new Browser().signIn("chair-ict");
        Client socket = chair.editor(room.documentId(), Locale.ENGLISH);
        long seq = socket.call(1, "{\"i\":1,\"op\":\"join\"}").path("r").path("seq").asLong();
        RecordingEditor vaadin = room.open("chair-ict"); // signed in as chair-ict on this thread
        long[] overSocket = {Long.MAX_VALUE, Long.MAX_VALUE};
        long[] inRequest = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int k = 0; k < 3; k++) {
            int call = 2 + k;
            String first = update("over the socket " + k);
            long before = lastSeq();
            fewest(overSocket, counter.count(() -> {
                try {
                    assertThat(socket.call(call, push(call, "sock-" + call, first, 41, before)).path("r").path("seq")
                            .asLong()).isEqualTo(before + 1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            String second = update("in a request " + k);
            fewest(inRequest, counter.count(() -> inRequest(() -> assertThat(relay.push(room.documentId(), vaadin,
                    "req-" + call, second, null, 42, before + 1).seq()).isEqualTo(before + 2))));
        }
        java.nio.file.Path out = java.nio.file.Path.of("target", "bench", "socket-push-statements.txt");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, String.format(Locale.ROOT, "One push of chair-ict (fewest of 3): over the"
                + " socket %d statements, %d sessions; the same push in a request %d statements, %d sessions%n",
                overSocket[0], overSocket[1], inRequest[0], inRequest[1]));
        assertThat(seq).isNotNegative();
        assertThat(overSocket).as("statements and sessions of a push over the socket vs the same push in a request")
                .containsExactly(inRequest);
        assertThat(overSocket[0]).as("statements of a push over the socket").isLessThanOrEqualTo(MOST_STATEMENTS_PER_PUSH);
        assertThat(overSocket[1]).as("sessions (connections) of a push: the checks' and the store's")
                .isLessThanOrEqualTo(MOST_SESSIONS_PER_PUSH);
        socket.close();
    }

    private static void fewest(long[] fewest, StatementCounter.Counts counts) {
        fewest[0] = Math.min(fewest[0], counts.statements());
        fewest[1] = Math.min(fewest[1], counts.sessions());
    }

    /** One HTTP request through the application's filter, as Tomcat runs Vaadin's. */
    private void inRequest(Runnable action) {
        OneRequest.run(perRequest, action);
    }

    @Test
    void the_others_updates_reach_the_socket_in_order() throws Exception {
        Browser member = new Browser().signIn("member-ict");
        Client socket = member.editor(room.documentId(), Locale.ENGLISH);
        long seq = socket.call(1, "{\"i\":1,\"op\":\"join\"}").path("r").path("seq").asLong();
        RecordingEditor chair = room.join("chair-ict", new RecordingEditor());
        relay.push(room.documentId(), chair, "c-1", update("one"), null, 21);
        relay.push(room.documentId(), chair, "c-2", update("two"), null, 21);
        JsonNode first = socket.nextOfType("u");
        JsonNode second = socket.nextOfType("u");
        assertThat(first.path("s").asLong()).isEqualTo(seq + 1);
        assertThat(second.path("s").asLong()).isEqualTo(seq + 2);
        socket.close();
    }

    // ---- when the socket ends ------------------------------------------------------------------

    @Test
    void signing_out_closes_the_socket_and_leaves_the_room() throws Exception {
        int tokensBefore = sockets.size();
        Browser member = new Browser().signIn("member-ict");
        Client socket = member.editor(room.documentId(), Locale.ENGLISH);
        socket.call(1, "{\"i\":1,\"op\":\"join\"}");
        room.join("chair-ict", new RecordingEditor());
        assertThat(relay.openEditors(room.documentId())).isEqualTo(2);

        member.signOut();
        // closed by the token's revocation (4001) or by Tomcat itself, which ends the WebSockets of
        // a signed-in HTTP session that is invalidated (1008, policy violation)
        assertThat(socket.closedWith()).isIn(SocketEditor.GONE.getCode(), 1008);
        awaitOpenEditors(1);
        assertThat(sockets.size()).as("the session's tokens are revoked").isEqualTo(tokensBefore);
    }

    @Test
    void a_socket_that_goes_silent_leaves_the_room_and_is_closed() throws Exception {
        Browser member = new Browser().signIn("member-ict");
        Client socket = member.editor(room.documentId(), Locale.ENGLISH);
        socket.call(1, "{\"i\":1,\"op\":\"join\"}");
        room.join("chair-ict", new RecordingEditor());
        assertThat(relay.openEditors(room.documentId())).isEqualTo(2);

        handler.beat(System.nanoTime());
        assertThat(relay.openEditors(room.documentId())).as("heard from recently: stays").isEqualTo(2);
        handler.beat(System.nanoTime() + TimeUnit.SECONDS.toNanos(EditorSocketHandler.SILENT_SECONDS + 1));
        assertThat(relay.openEditors(room.documentId())).isEqualTo(1);
        assertThat(socket.closedWith()).isEqualTo(SocketEditor.SILENT.getCode());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String update(String text) throws Exception {
        List<byte[]> updates = engine.typingSession(relay.readForJob(room.documentId(), (u, s) -> u), text).get(30,
                TimeUnit.SECONDS);
        return Base64.getEncoder().encodeToString(updates.getFirst());
    }

    private long lastSeq() {
        return relay.readForJob(room.documentId(), (u, s) -> s);
    }

    private static String push(int id, String updateId, String update, long clientId, long lastSeq) {
        return "{\"i\":" + id + ",\"op\":\"push\",\"id\":\"" + updateId + "\",\"u\":\"" + update
                + "\",\"a\":null,\"c\":" + clientId + ",\"s\":" + lastSeq + "}";
    }

    /** One browser: its own cookies (the HTTP session). */
    final class Browser {
        final CookieManager cookies = new CookieManager();
        /** Whom this browser signed in as (whose token the editor component would issue). */
        @Nullable String signedInAs;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofMinutes(1))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf() throws Exception {
            Matcher m = CSRF.matcher(get("/login").body());
            assertThat(m.find()).as("a CSRF token in the sign-in page").isTrue();
            return java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        }

        Browser signIn(String username) throws Exception {
            HttpResponse<String> response = post("/login", "username=" + username + "&password=demo&_csrf=" + csrf());
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
            signedInAs = username;
            return this;
        }

        void signOut() throws Exception {
            HttpResponse<String> response = post("/logout", "_csrf=" + csrf());
            assertThat(response.statusCode()).isEqualTo(302);
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .findFirst().orElseThrow().getValue();
        }

        Client socket(@Nullable String origin) throws Exception {
            Client client = new Client();
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
            if (origin != null) {
                builder.header("Origin", origin);
            }
            client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + EditorSockets.PATH), client)
                    .get(30, TimeUnit.SECONDS);
            return client;
        }

        /** A socket that presented a token issued as the editor component would, accepted. */
        Client editor(long documentId, Locale locale) throws Exception {
            String token = sockets.issue(documentId, java.util.Objects.requireNonNull(signedInAs), session(), locale);
            Client client = socket(null);
            client.send("{\"op\":\"hello\",\"token\":\"" + token + "\"}");
            assertThat(client.nextOfType("ok")).isNotNull();
            return client;
        }

    }

    /** A socket client that keeps what the server sends. */
    static final class Client implements WebSocket.Listener {
        WebSocket socket;
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder part = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                received.add(part.toString());
                part.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        }

        @Nullable JsonNode next(Duration wait) throws InterruptedException {
            String text = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            return text == null ? null : JSON.readTree(text);
        }

        /** The next message of a kind ({@code t}), skipping heartbeats and others. */
        JsonNode nextOfType(String type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                JsonNode m = next(Duration.ofSeconds(1));
                if (m != null && m.path("t").asString("").equals(type)) {
                    return m;
                }
            }
            throw new AssertionError("no message of type " + type);
        }

        /** The answer to call {@code id}. */
        JsonNode answer(long id) throws InterruptedException {
            JsonNode answer = answerWithin(id, Duration.ofSeconds(60));
            if (answer == null) {
                throw new AssertionError("no answer to call " + id);
            }
            return answer;
        }

        /** The answer to call {@code id} if it comes within {@code wait}; other messages are skipped. */
        @Nullable JsonNode answerWithin(long id, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode m = next(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                if (m != null && m.path("i").asLong(-1) == id) {
                    return m;
                }
            }
            return null;
        }

        JsonNode call(long id, String message) throws Exception {
            send(message);
            return answer(id);
        }

        int closedWith() throws Exception {
            return closed.get(30, TimeUnit.SECONDS);
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
