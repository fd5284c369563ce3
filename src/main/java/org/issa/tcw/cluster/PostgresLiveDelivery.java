package org.issa.tcw.cluster;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link LiveDelivery} across the nodes of a cluster ({@code tcw.cluster.bus=postgres}, ADR 100).
 * The pages of this node are served from memory as on a single node; in addition each message
 * travels to the other nodes through PostgreSQL: {@code pg_notify} in the publishing transaction
 * (PostgreSQL sends it when, and only if, that transaction commits) carries the channel, the key
 * and the channel's hint of the message as JSON; a dedicated connection outside the pool listens
 * and hands what other nodes published to the pages here.
 *
 * <p>When the listening connection is lost, the notifications sent meanwhile are gone for this
 * node: it reconnects with back-off and then calls the resume listeners, so that pages re-read
 * from the database what they show.
 */
@Component
@ConditionalOnProperty(name = "tcw.cluster.bus", havingValue = "postgres")
class PostgresLiveDelivery implements LiveDelivery, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresLiveDelivery.class);

    /** The PostgreSQL notification channel of the whole application. */
    static final String PG_CHANNEL = "tcw_live";
    /** PostgreSQL refuses payloads of 8,000 bytes or more; hints are ids, far below this. */
    static final int MAX_PAYLOAD_BYTES = 7_900;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int PROBE_EVERY_POLLS = 20;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalSubscribers local = new LocalSubscribers();
    private final Map<String, Channel<?>> channels = new ConcurrentHashMap<>();
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final JdbcTemplate jdbc;
    private final String url;
    private final String user;
    private final String password;

    private volatile boolean running;
    private volatile @Nullable Thread listener;
    private volatile @Nullable Connection listening;

    PostgresLiveDelivery(JdbcTemplate jdbc, @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("tcw.cluster.bus=postgres needs PostgreSQL (profile postgres), but the "
                    + "database is " + url.replaceAll(";.*", "") + ". The embedded H2 database has no "
                    + "LISTEN/NOTIFY and cannot be shared by several nodes: run a single node "
                    + "(tcw.cluster.bus=in-process, the default) or point every node at one PostgreSQL.");
        }
        this.jdbc = jdbc;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public <T> Registration subscribe(Channel<T> channel, Object key, Consumer<? super T> listener) {
        checkKey(key);
        channels.putIfAbsent(channel.name(), channel);
        return local.subscribe(channel, key, listener);
    }

    @Override
    public boolean reachesOtherNodes() {
        return true;
    }

    @Override
    public Registration onResume(Runnable listener) {
        return local.onResume(listener);
    }

    @Override
    public <T> void publish(Channel<T> channel, Object key, T message) {
        String payload = encode(channel, key, message);
        // Inside a transaction the notification joins it (sent at commit, dropped on rollback);
        // outside one it is sent at once.
        jdbc.queryForList("select pg_notify(?, ?)", PG_CHANNEL, payload);
        InMemoryLiveDelivery.afterCommit(() -> local.deliver(channel.name(), key, message));
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            log.debug("{} published outside a database transaction: other nodes hear it before this one", channel.name());
        }
    }

    /** The JSON sent to the other nodes; refuses what PostgreSQL could not carry. */
    <T> String encode(Channel<T> channel, Object key, T message) {
        checkKey(key);
        ObjectNode json = JSON.createObjectNode();
        json.put("n", node);
        json.put("c", channel.name());
        if (key instanceof Long id) {
            json.put("k", id);
        } else {
            json.put("k", (String) key);
        }
        json.set("m", JSON.valueToTree(channel.hint().apply(message)));
        String payload = JSON.writeValueAsString(json);
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A live message of " + channel.name() + " takes " + bytes
                    + " bytes; messages to other nodes must stay under " + MAX_PAYLOAD_BYTES
                    + " bytes (send ids and let them read the rest)");
        }
        return payload;
    }

    private static void checkKey(Object key) {
        if (!(key instanceof Long) && !(key instanceof String)) {
            throw new IllegalArgumentException("Live keys are Long ids or strings, not " + key.getClass().getSimpleName());
        }
    }

    /** Hands a message another node published to the pages of this node that listen to it. */
    void received(String payload) {
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (RuntimeException e) {
            log.warn("Ignored a live message that is not JSON: {}", payload, e);
            return;
        }
        if (node.equals(json.path("n").asString())) {
            return; // our own: delivered locally after the commit
        }
        String name = json.path("c").asString();
        Channel<?> channel = channels.get(name);
        JsonNode k = json.path("k");
        Object key = k.isNumber() ? (Object) k.asLong() : k.asString();
        if (channel == null || !local.listens(name, key)) {
            return;
        }
        Object message;
        try {
            message = JSON.treeToValue(json.path("m"), channel.type());
        } catch (RuntimeException e) {
            log.warn("Ignored a live message of {} that does not read as {}", name, channel.type().getSimpleName(), e);
            return;
        }
        local.deliver(name, key, message);
    }

    // --- the listening connection

    @Override
    public void start() {
        running = true;
        Thread t = Thread.ofPlatform().daemon().name("tcw-live-listener").start(this::listen);
        listener = t;
    }

    private void listen() {
        boolean connectedBefore = false;
        long backoff = 100;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, listenerProperties())) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + PG_CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                if (connectedBefore) {
                    log.info("Live messages from other nodes are heard again; pages re-read what they show");
                    local.resumed();
                }
                connectedBefore = true;
                backoff = 100;
                int polls = 0;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            received(n.getParameter());
                        }
                    }
                    if (++polls % PROBE_EVERY_POLLS == 0) {
                        // A connection cut without a word (a dead network path) would otherwise wait
                        // here forever: ask the server something now and then.
                        try (Statement s = c.createStatement()) {
                            s.execute("select 1");
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the connection that hears other nodes' live messages ({}); retrying in {} ms",
                        e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            } finally {
                listening = null;
            }
        }
    }

    private Properties listenerProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", "tcw-live-listener");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("socketTimeout", "30");
        return p;
    }

    /** Whether the listening connection is up (for tests and health). */
    boolean listening() {
        return listening != null;
    }

    /** This node's id in the messages it sends. */
    String node() {
        return node;
    }

    @Override
    public void stop() {
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
            Connection c = listening;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    log.debug("Closing the listening connection", e);
                }
            }
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        stop();
        local.close();
    }
}
