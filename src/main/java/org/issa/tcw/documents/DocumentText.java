package org.issa.tcw.documents;

/**
 * A document's content as the server reads it: plain text and sanitized HTML, derived from the
 * Yjs state by the server itself (never taken from a client), up to sequence number {@code seq}.
 */
public record DocumentText(String text, String html, long seq) {
}
