package org.issa.tcw.testsupport;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;

/**
 * The live objects of this JVM by class: the class histogram ({@code GC.class_histogram}, the
 * diagnostic command {@code jcmd} runs, here through its MBean — no attach), which runs a full GC
 * first and counts only reachable objects. For the memory benchmark and for tests that check what
 * the server keeps.
 */
public final class LiveObjects {

    private LiveObjects() {
    }

    /** The raw histogram ({@code num: #instances #bytes class name} lines and a {@code Total} line). */
    public static String classHistogram() throws Exception {
        // an external jcmd attaching to this process hung on a loaded machine: the MBean instead
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            return single.submit(() -> (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()}))
                    .get(10, TimeUnit.MINUTES);
        } finally {
            single.shutdownNow();
        }
    }

    /** Instances and bytes per class name (as the histogram spells it, e.g. {@code [B}, {@code a.B$C}). */
    public static Map<String, long[]> byClass(String histogram) {
        Map<String, long[]> classes = new HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                classes.merge(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("Unreadable class histogram: "
                    + histogram.substring(0, Math.min(500, histogram.length())));
        }
        return classes;
    }

    /** The number of reachable instances of a class, after a full GC. */
    public static long count(String className) throws Exception {
        long[] c = byClass(classHistogram()).get(className);
        return c == null ? 0 : c[0];
    }
}
