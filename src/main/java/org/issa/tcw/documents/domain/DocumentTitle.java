package org.issa.tcw.documents.domain;

/** A document's id and title. */
public record DocumentTitle(long id, String title) {
}
