/**
 * Comments on documents: threads anchored to a range of the text by Yjs relative positions
 * (docs/adr/024), written in Markdown with mentions like discussion posts, resolved and reopened,
 * delivered live to every open editor of the document.
 */
@NullMarked
package org.issa.tcw.documents.comments;

import org.jspecify.annotations.NullMarked;
