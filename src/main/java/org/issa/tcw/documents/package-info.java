/**
 * Documents co-authored in real time: their metadata, the collaboration relay (ordered, persisted,
 * de-duplicated Yjs updates) and the server's own reading of them through yjs in GraalJS.
 */
@NullMarked
package org.issa.tcw.documents;

import org.jspecify.annotations.NullMarked;
