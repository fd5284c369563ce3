package org.issa.tcw.documents.versions;

/**
 * Published by another feature (e.g. a document workflow step) to keep the document's content as a
 * version named {@code reason}; kept after the publishing transaction commits.
 */
public record KeepVersionRequested(long documentId, String reason) {
}
