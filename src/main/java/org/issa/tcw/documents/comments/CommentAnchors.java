package org.issa.tcw.documents.comments;

import org.jspecify.annotations.Nullable;

/**
 * What the comments keep of the text they are on: the limits of an anchor (base64 Yjs relative
 * positions made by the editor), the quote cut to {@link #MAX_QUOTE} characters, and whether a
 * range's text still reads as a stored quote when its blocks were joined or split.
 */
final class CommentAnchors {

    /** Longest encoded relative position (a real one is a few dozen bytes). */
    static final int MAX_ANCHOR = 1_000;
    /** How much of the commented text is kept. */
    static final int MAX_QUOTE = 1_000;

    private CommentAnchors() {
    }

    /** Whether {@code from} and {@code to} can be an anchor: both present and not too long. */
    static boolean wellFormed(@Nullable String from, @Nullable String to) {
        return from != null && to != null && !from.isBlank() && !to.isBlank() && from.length() <= MAX_ANCHOR
                && to.length() <= MAX_ANCHOR;
    }

    /** The quote kept of {@code text}: all of it, or its first characters and "…". */
    static String quote(String text) {
        return text.length() <= MAX_QUOTE ? text : text.substring(0, MAX_QUOTE - 1) + "…";
    }

    /**
     * Whether {@code text} is the stored {@code quote} (which is cut with "…" after MAX_QUOTE
     * characters), block boundaries aside: the server reads a range across blocks with a "\n"
     * between them, and joining two paragraphs (or splitting one, or turning them into list items)
     * changes only those, so both are compared without them ({@link #quoteKey}). Every other
     * character must be the same, in the same order.
     */
    static boolean isQuote(String text, String quote) {
        String key = quoteKey(text);
        if (key.equals(quoteKey(quote))) {
            return true;
        }
        if (!quote.endsWith("…") || quote.length() != MAX_QUOTE) {
            return false;
        }
        String start = quoteKey(quote.substring(0, quote.length() - 1));
        return key.length() > start.length() && key.startsWith(start);
    }

    /** A quote without its block separators: what joining or splitting blocks leaves unchanged. */
    static String quoteKey(String quote) {
        return quote.replace("\n", "");
    }
}
