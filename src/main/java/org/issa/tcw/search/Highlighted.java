package org.issa.tcw.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with the words that matched the query marked, as plain-text parts: the view shows each
 * part as text (matches in a {@code <mark>}), so nothing stored or typed is ever read as HTML.
 */
public record Highlighted(List<Part> parts) {

    /** One run of text; {@code match} when the query's words matched it. */
    public record Part(String text, boolean match) {
    }

    static final char START = '\uE000';
    static final char END = '\uE001';

    public Highlighted {
        parts = List.copyOf(parts);
    }

    static Highlighted plain(String text) {
        return new Highlighted(text.isEmpty() ? List.of() : List.of(new Part(text, false)));
    }

    /** Splits the highlighter's output at its private-use markers (unbalanced ones are dropped). */
    static Highlighted parse(String marked) {
        List<Part> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean inMatch = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START || c == END) {
                if (!run.isEmpty()) {
                    parts.add(new Part(run.toString(), inMatch));
                    run.setLength(0);
                }
                inMatch = c == START;
            } else {
                run.append(c);
            }
        }
        if (!run.isEmpty()) {
            parts.add(new Part(run.toString(), inMatch));
        }
        return new Highlighted(parts);
    }

    /**
     * At most about {@code max} characters around the first match (the unified highlighter's
     * fragment is a whole sentence, which in a document without full stops can be the whole text),
     * with an ellipsis where text was left out.
     */
    Highlighted around(int max) {
        String all = text();
        if (all.length() <= max) {
            return this;
        }
        int firstMatch = 0;
        for (Part p : parts) {
            if (p.match()) {
                break;
            }
            firstMatch += p.text().length();
        }
        int from = Math.max(0, Math.min(firstMatch - max / 3, all.length() - max));
        int to = Math.min(all.length(), from + max);
        List<Part> kept = new ArrayList<>();
        if (from > 0) {
            kept.add(new Part("…", false));
        }
        int offset = 0;
        for (Part p : parts) {
            int start = Math.max(from, offset);
            int end = Math.min(to, offset + p.text().length());
            if (start < end) {
                kept.add(new Part(p.text().substring(start - offset, end - offset), p.match()));
            }
            offset += p.text().length();
        }
        if (to < all.length()) {
            kept.add(new Part("…", false));
        }
        return new Highlighted(kept);
    }

    /** The text without marks. */
    public String text() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p.text()));
        return b.toString();
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }
}
