package org.issa.tcw.documents.ui;

import org.issa.tcw.documents.browser.EditorPage;
import org.issa.tcw.documents.browser.RunningApp;
import org.jspecify.annotations.Nullable;

/**
 * For benchmarks and browser tests on {@link RunningApp}: the editors' transport (ADR 117) of the
 * editors opened from now on, and which one an open editor really uses — a run meant to measure
 * the socket must not measure the Vaadin fallback unnoticed.
 */
public final class EditorTransports {

    private static @Nullable String configured;

    private EditorTransports() {
    }

    /** {@code socket}, {@code vaadin} or {@code default} (what {@code tcw.documents.transport} says). */
    public static synchronized void use(String transport) {
        EditorSockets sockets = RunningApp.bean(EditorSockets.class);
        if (configured == null) {
            configured = sockets.enabled() ? "socket" : "vaadin";
        }
        sockets.transport(transport.equals("default") ? configured : transport);
    }

    /** Back to the configured transport. */
    public static synchronized void reset() {
        if (configured != null) {
            RunningApp.bean(EditorSockets.class).transport(configured);
        }
    }

    /** The transport the pages' editors use (all the same), checked against the one asked for. */
    public static String check(String transport, EditorPage... pages) {
        String used = null;
        for (EditorPage page : pages) {
            Object value = page.js("return document.querySelector('tcw-editor').transportInUse()");
            if (used != null && !used.equals(value)) {
                throw new IllegalStateException("the editors use different transports: " + used + " and " + value);
            }
            used = String.valueOf(value);
        }
        String expected = transport.equals("default") ? configured : transport;
        if (used == null || (expected != null && !expected.equals(used))) {
            throw new IllegalStateException("asked for the " + expected + " transport, the editors use " + used
                    + " (did the socket fall back to Vaadin? see the browser's console)");
        }
        return used;
    }
}
