package org.issa.tcw.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Cost of the server's suggest-only check per update (docs/benchmarks-documents.md; run by
 * bench/documents/suggestions.sh, never by the build: its name matches neither *Test nor *IT).
 * A 100,000-character document with 200 open suggestions by 4 people; a suggest-only person types
 * 300 keystrokes in Suggesting mode (one real Yjs update each). Measured: the check on the live
 * replica the relay keeps (what a push pays, thread hop included), applying a non-suggest-only
 * editor's keystroke to the replica, opening the replica, and, for comparison, the check done by
 * loading the document from its log for every update.
 */
class SuggestOnlyBenchmark {

    private static final StringBuilder report = new StringBuilder();
    private static final YjsEngine engine = new YjsEngine();

    static void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println(s);
        report.append(s).append('\n');
    }

    @AfterAll
    static void write() throws Exception {
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "suggestions.txt"), report);
        engine.destroy();
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static String stats(List<Double> ms) {
        return String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)", percentile(ms, 50),
                percentile(ms, 95), percentile(ms, 100), ms.size());
    }

    @Test
    void suggest_only_check_per_update_on_100k_characters_with_200_suggestions() {
        // 200 paragraphs of 500 characters
        StringBuilder json = new StringBuilder("{\"type\":\"doc\",\"content\":[");
        String sentence = "Social security institutions share good practice on contributions and benefits. ";
        for (int p = 0; p < 200; p++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 500) {
                text.append(sentence);
            }
            json.append(p == 0 ? "" : ",").append("{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"")
                    .append(text, 0, 500).append("\"}]}");
        }
        json.append("]}");
        List<byte[]> log = new ArrayList<>(List.of(engine.initialState(json.toString()).join()));
        // 200 suggestions: in every paragraph an insertion or a deletion, by four people
        StringBuilder ops = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            String id = (10 + i % 4) + ":mf00" + i + ":s" + i;
            ops.append(i == 0 ? "" : ",");
            if (i % 2 == 0) {
                ops.append("{\"op\":\"insert\",\"path\":[").append(i).append("],\"at\":100,\"text\":\"suggested words \",")
                        .append("\"attrs\":{\"insertion\":{\"id\":\"").append(id).append("\"}}}");
            } else {
                ops.append("{\"op\":\"format\",\"path\":[").append(i).append("],\"at\":200,\"len\":30,")
                        .append("\"attrs\":{\"deletion\":{\"id\":\"").append(id).append("\"}}}");
            }
        }
        ops.append("]");
        log.add(engine.edit(log, ops.toString()).join());
        int chars = engine.render(log).join().text().length();
        line("document: %d characters, %d suggestions", chars, SuggestionReadings.ofLog(engine, log).join().size());

        long t0 = System.nanoTime();
        engine.replicas().open(1, log).join();
        line("open the live replica (load + tokens of every block): %.0f ms", (System.nanoTime() - t0) / 1e6);

        String typed = "a suggested sentence typed by a suggest-only observer, one keystroke per update. ".repeat(4)
                .substring(0, 300);
        List<byte[]> session = engine.suggestingSession(log, "[120]", 250, typed, "42:mf1000:typing").join();
        List<Double> wall = new ArrayList<>();
        List<Double> inside = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < session.size(); i++) {
            long s = System.nanoTime();
            YjsEngine.SuggestOnlyVerdict v = engine.replicas().check(1, session.get(i), 42).join();
            double ms = (System.nanoTime() - s) / 1e6;
            if (!v.allowed()) {
                refused++;
            }
            if (i >= 50) { // the first 50 warm GraalJS up
                wall.add(ms);
                inside.add((double) v.millis());
            }
        }
        line("suggest-only check per keystroke on the live replica: %s; refused %d of %d", stats(wall), refused,
                session.size());
        line("  of which inside the engine: median %.0f ms, p95 %.0f ms (millisecond clock)", percentile(inside, 50),
                percentile(inside, 95));

        List<byte[]> afterTyping = new ArrayList<>(log);
        afterTyping.addAll(session);
        List<byte[]> plain = engine.typingSession(afterTyping, "an editor types on, not suggest-only ".repeat(4)).join();
        List<Double> apply = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            long s = System.nanoTime();
            engine.replicas().apply(1, plain.get(i)).join();
            if (i >= 30) {
                apply.add((System.nanoTime() - s) / 1e6);
            }
        }
        line("feeding another editor's keystroke to the replica: %s", stats(apply));

        List<Double> naive = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long s = System.nanoTime();
            engine.suggestOnlyCheck(log, session.get(0), 42).join();
            if (i >= 2) {
                naive.add((System.nanoTime() - s) / 1e6);
            }
        }
        line("for comparison, loading the document from its log for each check: %s", stats(naive));
        engine.replicas().close(1).join();
    }
}
