package org.issa.tcw.documents;

/**
 * The stored text of a document changed (the relay's background rendering or compaction wrote a
 * newer derivation of its content). Published inside that transaction; the search feature
 * reindexes the document after it commits, in batches, off the typing path.
 */
public record DocumentTextChanged(long documentId) {
}
