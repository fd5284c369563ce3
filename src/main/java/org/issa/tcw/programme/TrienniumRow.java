package org.issa.tcw.programme;

/** A triennium as lists show it, e.g. 2026–2028. */
public record TrienniumRow(long id, int startYear, int endYear, TrienniumStatus status, long version) {

    public String label() {
        return startYear + "–" + endYear;
    }
}
