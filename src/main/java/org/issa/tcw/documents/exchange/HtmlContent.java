package org.issa.tcw.documents.exchange;

/**
 * HTML as the editor's content: sanitized ({@code DocumentHtml.sanitize}) and mapped to ProseMirror
 * JSON by the same rules as a Word import (headings, paragraphs, nested lists, tables with spans,
 * formatting, links), ready for {@code YjsEngine.initialState} or {@code replaceContent}.
 */
public final class HtmlContent {

    private HtmlContent() {
    }

    /** The HTML's content as ProseMirror JSON (a {@code doc} with at least one paragraph). */
    public static String proseMirrorJson(String html) {
        return WordReader.proseMirrorJson(html, new WordReader.Counts());
    }
}
