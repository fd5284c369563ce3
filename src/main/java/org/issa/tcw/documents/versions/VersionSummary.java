package org.issa.tcw.documents.versions;

import java.util.List;

/** The text summary of a comparison: words added and removed, numbers of the sections changed ("" = before the first heading). */
public record VersionSummary(int wordsAdded, int wordsRemoved, List<String> sections) {
}
