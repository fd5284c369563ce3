package org.issa.tcw.testsupport;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says loudly, at the end of a test run, which test classes did not run because something they
 * need is missing (an assumption failed, e.g. no Chromium for the browser tests) and the one
 * command that makes them run. Without it a run without Chromium would end in a green summary
 * in which four browser test classes quietly ran zero tests.
 *
 * <p>Registered for every JUnit run through {@code META-INF/services}; prints nothing when all ran.
 */
public class SkippedTestsReport implements TestExecutionListener {

    /** What enables the browser tests, the usual reason for a skip. */
    static final String ENABLE_BROWSER_TESTS = "sudo apt-get install -y chromium chromium-driver && ./mvnw verify "
            + "-Dbrowser.required=true";

    private final Map<String, String> reasonByClass = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> countByClass = new ConcurrentHashMap<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            record(test, result.getThrowable().map(Throwable::getMessage).orElse("an assumption failed"));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (reason != null && !reason.contains("@Disabled") && !reason.startsWith("void ")) {
            record(test, reason);
        }
    }

    private void record(TestIdentifier test, String reason) {
        String owner = test.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
                : s instanceof ClassSource c ? c.getClassName() : s.toString()).orElse(test.getDisplayName());
        reasonByClass.putIfAbsent(owner, reason == null ? "" : reason);
        countByClass.computeIfAbsent(owner, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (reasonByClass.isEmpty()) {
            return;
        }
        PrintStream out = System.err;
        String bar = "!".repeat(100);
        out.println();
        out.println(bar);
        out.println("!!  " + reasonByClass.size() + " TEST CLASS(ES) DID NOT RUN — this run is NOT a full check:");
        new TreeMap<>(reasonByClass).forEach((type, reason) -> out.println("!!    - " + type + ": " + reason));
        boolean browser = reasonByClass.values().stream().anyMatch(r -> r.toLowerCase().contains("chromium"));
        if (browser) {
            out.println("!!  To run the browser tests: " + ENABLE_BROWSER_TESTS);
        }
        out.println(bar);
        out.println();
    }
}
