package org.issa.tcw.documents.domain;

/** One update of the log: its sequence number and its Yjs bytes. */
public record LoggedUpdate(long seq, byte[] data) {
}
