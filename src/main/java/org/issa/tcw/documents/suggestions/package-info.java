/**
 * Reviewing a draft: suggestions (track changes) accepted or rejected on the server, and
 * suggest-only participation (docs/adr/025-suggestions-and-suggest-only.md). The check of a
 * suggest-only person's updates runs in the relay ({@code DocumentCollaboration}); this package
 * decides who is suggest-only and makes the reviewers' changes.
 */
@NullMarked
package org.issa.tcw.documents.suggestions;

import org.jspecify.annotations.NullMarked;
