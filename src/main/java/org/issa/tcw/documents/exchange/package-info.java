/**
 * Word and PDF exchange of documents (docs/adr/027): DOCX and PDF export of the current text or of
 * a given Yjs state (a version), with comments as Word comments and suggestions as Word tracked
 * changes; import of a Word file as a new document or as a change replacing a document's content,
 * made through the relay like any other change.
 */
@NullMarked
package org.issa.tcw.documents.exchange;

import org.jspecify.annotations.NullMarked;
