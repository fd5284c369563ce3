/** The comments panel next to the document editor. */
@NullMarked
package org.issa.tcw.documents.comments.ui;

import org.jspecify.annotations.NullMarked;
