package org.issa.tcw.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.issa.tcw.documents.browser.Browsers;
import org.issa.tcw.documents.browser.EditorPage;
import org.issa.tcw.testsupport.Cluster;
import org.issa.tcw.testsupport.RunningJar;
import org.junit.jupiter.api.Test;

/**
 * Keystroke in one real browser → visible in another, with the two editors on the same node and
 * on different nodes, for docs/benchmarks-cluster.md (target: cross-node p95 ≤ 150 ms). The cluster
 * as {@link Cluster} starts it (embedded PostgreSQL, the packaged jar twice, HAProxy with
 * cluster/haproxy.cfg; demo sign-in, profiles {@code demo,postgres}). Three Chromiums through the
 * balancer: the typer and one watcher pinned to node A, another watcher pinned to node B; the typer
 * types {@code bench.tokens} tokens (default 40) at about 6 keys a second, and each watcher notes
 * when each token appears in its editor (clock: {@code performance.timeOrigin + now()}, one machine).
 * Not part of the build; run by {@code bench/cluster/run.sh}.
 */
class ClusterTypingBench {

    static final int TOKENS = Integer.getInteger("bench.tokens", 40);

    static final String WATCH = """
            const ed = document.querySelector('tcw-editor');
            window.__seen = {};
            const check = () => {
              const t = ed.editor.state.doc.textContent;
              for (let i = 0; i < arguments[0]; i++) {
                const k = 'k' + i + 'q';
                if (!(k in window.__seen) && t.includes(k)) window.__seen[k] = performance.timeOrigin + performance.now();
              }
            };
            ed.editor.on('update', check);
            """;

    @Test
    void keystroke_to_the_other_browser_same_node_and_across_nodes() throws Exception {
        Browsers.requireChromium();
        try (Cluster cluster = Cluster.start("demo,postgres")) {
            List<EditorPage> pages = new ArrayList<>();
            try {
                EditorPage typer = page(cluster, "chair-ict", cluster.a(), pages);
                EditorPage sameNode = page(cluster, "member-ict", cluster.a(), pages);
                EditorPage otherNode = page(cluster, "secretariat", cluster.b(), pages);
                long doc = ClusterIT.firstEditableDocument(typer);
                for (EditorPage p : pages) {
                    p.open(doc);
                    p.js(WATCH, TOKENS);
                }
                Thread.sleep(1500);
                typer.caretAtEndOf(0);
                for (int i = 0; i < TOKENS; i++) {
                    typer.type("k" + i + "q ", 50);
                    Thread.sleep(100);
                }
                Thread.sleep(3000);
                ClusterFanoutBench.line("keystroke -> other browser, same node (A -> A): %s", latencies(typer, sameNode));
                ClusterFanoutBench.line("keystroke -> other browser, across nodes (A -> B): %s",
                        latencies(typer, otherNode));
            } finally {
                pages.forEach(EditorPage::close);
            }
        }
    }

    private static EditorPage page(Cluster cluster, String user, RunningJar node, List<EditorPage> pages) {
        EditorPage p = new EditorPage(user, cluster.url("/"));
        pages.add(p);
        cluster.pin(p.driver(), node);
        return p.signIn();
    }

    @SuppressWarnings("unchecked")
    private static String latencies(EditorPage typer, EditorPage watcher) {
        Map<String, Number> sent = (Map<String, Number>) typer.js("return window.__seen");
        Map<String, Number> seen = (Map<String, Number>) watcher.js("return window.__seen");
        List<Double> latencies = new ArrayList<>();
        for (var e : sent.entrySet()) {
            Number b = seen.get(e.getKey());
            if (b != null) {
                latencies.add(b.doubleValue() - e.getValue().doubleValue());
            }
        }
        return String.format(java.util.Locale.ROOT, "n=%d of %d, median %.1f ms, p95 %.1f ms, max %.1f ms",
                latencies.size(), TOKENS, ClusterFanoutBench.percentile(latencies, 50),
                ClusterFanoutBench.percentile(latencies, 95), ClusterFanoutBench.percentile(latencies, 100));
    }
}
