package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compaction time of the server's yjs (GraalJS, interpreted) for logs of single-keystroke updates,
 * on a warm engine, without the application around it (run by bench/documents/compaction.sh, not
 * by the build: its name matches neither *Test nor *IT). For each size: the median and range of
 * several {@link YjsEngine#compact} calls (merge + verify + text/HTML of the result) and of
 * {@link YjsEngine#render} of the whole log (what the text derivation costs when not compacted).
 * <p>
 * usage: {@code CompactionBenchmark [sizes, default 500,5000] [runs, default 7]}
 */
public final class CompactionBenchmark {

    private CompactionBenchmark() {
    }

    public static void main(String[] args) {
        String sizes = args.length > 0 ? args[0] : "500,5000";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        long t0 = System.nanoTime();
        YjsEngine engine = new YjsEngine();
        byte[] empty = engine.emptyState().join();
        System.out.printf(Locale.ROOT, "engine start + warm-up: %.0f ms%n", ms(t0));
        String text = "lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(200);
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size.trim());
            List<byte[]> log = new ArrayList<>();
            log.add(empty);
            log.addAll(engine.typingSession(List.of(empty), text.substring(0, n)).join());
            long bytes = log.stream().mapToLong(u -> u.length).sum();
            engine.compact(log).join(); // first call at this size: HotSpot still compiling the interpreter
            List<Double> compact = new ArrayList<>();
            List<Double> render = new ArrayList<>();
            int state = 0;
            for (int r = 0; r < runs; r++) {
                long a = System.nanoTime();
                state = engine.compact(log).join().state().length;
                compact.add(ms(a));
                long b = System.nanoTime();
                engine.render(log).join();
                render.add(ms(b));
            }
            System.out.printf(Locale.ROOT,
                    "%d single-keystroke updates (%d bytes): compaction median %.0f ms (min %.0f, max %.0f, %d runs)"
                            + " -> %d bytes; render of the uncompacted log median %.0f ms%n",
                    n, bytes, median(compact), min(compact), max(compact), runs, state, median(render));
        }
        engine.destroy();
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
