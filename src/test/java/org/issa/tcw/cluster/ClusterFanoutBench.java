package org.issa.tcw.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.issa.tcw.discussion.DiscussionBroadcaster;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.DiscussionSignal;
import org.issa.tcw.discussion.Subscription;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.TwoNodes;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new post delivered to {@code bench.subscribers} (default 200) open thread pages spread evenly
 * over two nodes, for docs/benchmarks-cluster.md. Two application nodes in this JVM on one embedded
 * PostgreSQL ({@link TwoNodes}); the "pages" are lightweight subscribers: the thread page's own
 * subscription ({@code DiscussionBroadcaster.subscribeThread}), without a Vaadin UI around it. The
 * post is written through {@code DiscussionService.reply} on node A as chair-ict; the time is from
 * the call until the last subscriber on either node has the signal ({@code bench.rounds} rounds,
 * default 11). Not part of the build; run by {@code bench/cluster/run.sh}.
 */
class ClusterFanoutBench {

    static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 200);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 11);

    @Test
    void a_new_post_reaches_the_open_pages_on_both_nodes() throws Exception {
        ConfigurableApplicationContext a = TwoNodes.get().a();
        ConfigurableApplicationContext b = TwoNodes.get().b();
        long thread = new JdbcTemplate(TwoNodes.get().database()).queryForObject(
                "select min(t.id) from discussion_thread t join commission c on c.id = t.commission_id"
                        + " where c.code = 'ICT'", Long.class);
        List<Long> arrivedAt = Collections.synchronizedList(new ArrayList<>());
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? a : b;
            subscriptions.add(node.getBean(DiscussionBroadcaster.class).subscribeThread(thread, signal -> {
                if (signal.kind() == DiscussionSignal.Kind.POST_CREATED) {
                    arrivedAt.add(System.nanoTime());
                }
            }));
        }
        List<Double> all = new ArrayList<>();
        List<Double> firstOnB = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                arrivedAt.clear();
                a.getBean(SignIn.class).as("chair-ict");
                long start = System.nanoTime();
                try {
                    a.getBean(DiscussionService.class).reply(thread, "Fan-out round " + round, null);
                } finally {
                    a.getBean(SignIn.class).out();
                }
                long until = start + TimeUnit.SECONDS.toNanos(30);
                while (arrivedAt.size() < SUBSCRIBERS && System.nanoTime() < until) {
                    Thread.sleep(1);
                }
                assertThat(arrivedAt).as("every subscriber, on both nodes, got the post").hasSize(SUBSCRIBERS);
                List<Long> times = new ArrayList<>(arrivedAt);
                Collections.sort(times);
                all.add((times.getLast() - start) / 1e6);
                firstOnB.add((times.get(SUBSCRIBERS / 2) - start) / 1e6);
            }
        } finally {
            subscriptions.forEach(Subscription::cancel);
        }
        line("new post -> %d subscribers (%d per node), %d rounds: last delivery median %.1f ms, max %.1f ms;"
                + " half of them (one node's worth) median %.1f ms", SUBSCRIBERS, SUBSCRIBERS / 2, ROUNDS,
                percentile(all, 50), percentile(all, 100), percentile(firstOnB, 50));
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static void line(String format, Object... args) throws IOException {
        String line = Instant.now() + " " + String.format(Locale.ROOT, format, args);
        System.out.println(line);
        Path out = Path.of("target", "bench", "cluster.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
