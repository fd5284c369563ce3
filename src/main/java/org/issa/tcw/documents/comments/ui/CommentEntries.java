package org.issa.tcw.documents.comments.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.issa.tcw.base.ui.UserZone;

/** One comment or reply as the panels show it: author, time in the reader's zone, sanitised body. */
final class CommentEntries {

    private CommentEntries() {
    }

    static Div entry(Locale locale, String author, Instant at, String html) {
        return entry(locale, author, at, html, false);
    }

    /**
     * {@code fromWord}: a comment imported from a Word file (docs/adr/090), shown as "Maria Lopez
     * (from Word)" ({@code author} is the Word author's name) with the Word comment's date only
     * (Word's times carry no reliable zone).
     */
    static Div entry(Locale locale, String author, Instant at, String html, boolean fromWord) {
        var who = new Span(fromWord ? who(locale, author) : author);
        who.addClassName("tcw-comment-author");
        if (fromWord) {
            who.addClassName("from-word");
        }
        var when = new Span(fromWord
                ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneOffset.UTC).format(at)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale).withZone(UserZone.current()).format(at));
        when.addClassName("tcw-comment-time");
        var body = new Div();
        body.addClassName("tcw-post-body");
        body.getElement().setProperty("innerHTML", html);
        var entry = new Div(new Div(who, when), body);
        entry.addClassName("tcw-comment-entry");
        return entry;
    }

    private static String who(Locale locale, String wordAuthor) {
        return com.vaadin.flow.i18n.I18NProvider.translate(locale, "comments.from-word", wordAuthor);
    }
}
