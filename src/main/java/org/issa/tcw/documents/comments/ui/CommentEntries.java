package org.issa.tcw.documents.comments.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.issa.tcw.base.ui.UserZone;

/** One comment or reply as the panels show it: author, time in the reader's zone, sanitised body. */
final class CommentEntries {

    private CommentEntries() {
    }

    static Div entry(Locale locale, String author, Instant at, String html) {
        var who = new Span(author);
        who.addClassName("tcw-comment-author");
        var when = new Span(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(UserZone.current()).format(at));
        when.addClassName("tcw-comment-time");
        var body = new Div();
        body.addClassName("tcw-post-body");
        body.getElement().setProperty("innerHTML", html);
        var entry = new Div(new Div(who, when), body);
        entry.addClassName("tcw-comment-entry");
        return entry;
    }
}
