/** Documents' entities and repositories: private to the documents feature. */
@NullMarked
package org.issa.tcw.documents.domain;

import org.jspecify.annotations.NullMarked;
