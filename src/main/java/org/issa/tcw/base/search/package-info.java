/**
 * What features declare to be searchable (ADR 070): {@link SearchText} on a text property,
 * {@link SearchKind} on an indexed entity, and the language analysis every index shares. The
 * {@code search} feature queries; the features only say what of theirs is found and under which key.
 */
@NullMarked
package org.issa.tcw.base.search;

import org.jspecify.annotations.NullMarked;
