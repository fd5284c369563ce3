package org.issa.tcw.documents.domain;

/** A document's compacted Yjs state, the last sequence number it covers, and the last one assigned. */
public record ContentSnapshot(byte[] state, long stateSeq, long lastSeq) {
}
