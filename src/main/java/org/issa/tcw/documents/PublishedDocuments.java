package org.issa.tcw.documents;

/**
 * Whether a document is published: published documents are readable (as exports, not in the
 * editor) by every signed-in person. Declared here, answered by {@code documents.workflow}, so that
 * the documents and exchange code do not depend on the feature that publishes.
 */
public interface PublishedDocuments {

    /** Whether the document is published now (read from the database, not from a cache). */
    boolean published(long documentId);
}
