package org.issa.tcw.documents.versions;

import java.util.List;

/**
 * Two states of a document to compare: {@code before} and {@code after} are whole Yjs states (V2
 * encoding) for the read-only diff editor; the summary counts words added and removed and names the
 * sections changed (numbers like "2" or "4.1"; "" for text before the first heading).
 */
public record VersionComparison(byte[] before, byte[] after, int wordsAdded, int wordsRemoved, List<String> sections) {
}
