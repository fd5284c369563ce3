/**
 * One search over everything a person may see (ADR 070): documents, discussion threads and posts,
 * projects and milestones, people, institutions and commissions. The features declare what of
 * theirs is indexed ({@code base.search}); this feature queries the index with the reader's
 * permission keys, keeps it in step with document text written by the co-editing relay, builds it
 * when empty, and shows the results ({@code ui}).
 */
@NullMarked
package org.issa.tcw.search;

import org.jspecify.annotations.NullMarked;
