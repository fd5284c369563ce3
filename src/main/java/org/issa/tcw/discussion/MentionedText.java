package org.issa.tcw.discussion;

import java.util.List;
import java.util.Set;

/**
 * Markdown rendered and sanitised exactly like a post, for another feature's texts (e.g. document
 * comments).
 *
 * @param html      safe HTML with the mentions of the commission's people marked
 * @param mentioned the people mentioned (members of the commission and staff), in text order
 * @param unknown   lower-case handles written as {@code @name} that are none of those people
 */
public record MentionedText(String html, List<MentionCandidate> mentioned, Set<String> unknown) {
}
