/** Comments' entities and repositories: private to the comments of the documents feature. */
@NullMarked
package org.issa.tcw.documents.comments.domain;

import org.jspecify.annotations.NullMarked;
