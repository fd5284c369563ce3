package org.issa.tcw.documents;

import java.util.List;

/**
 * The colours of people's carets in a document, in the order the relay hands them out; the
 * comparison of versions colours each author's insertions with them too (docs/adr/090).
 */
public final class PresenceColors {

    public static final List<String> ALL = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
            "#e377c2", "#8c564b", "#7f7f00", "#393b79", "#637939", "#843c39");

    private PresenceColors() {
    }
}
