package org.issa.tcw.discussion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.MentionCandidate;

/**
 * A Markdown text area with a preview tab (rendered and sanitized by the server, exactly as the
 * post will show) and mention autocomplete: typing {@code @da} offers the commission's members
 * whose name or username starts so; choosing one completes the mention.
 */
public class MarkdownComposer extends VerticalLayout {

    private static final Pattern TRAILING_MENTION = Pattern.compile("(?:^|\\s)@([A-Za-z0-9._\\-]*)$");

    private final DiscussionService discussions;
    private final long commissionId;
    private final TextArea body = new TextArea();
    private final Div preview = new Div();
    private final Div suggestions = new Div();
    /** Write / Preview: two toggle buttons (a tab list held a focusable scroller, axe aria-required-children). */
    private final Button write;
    private final Button show;
    private final Div modes = new Div();

    public MarkdownComposer(DiscussionService discussions, long commissionId, int maxLength, String idPrefix) {
        this.discussions = discussions;
        this.commissionId = commissionId;
        setPadding(false);
        setSpacing(false);
        addClassName("tcw-composer");
        write = new Button(getTranslation("discussion.composer.write"), e -> showPreview(false));
        write.setId(idPrefix + "tab-write");
        show = new Button(getTranslation("discussion.composer.preview"), e -> showPreview(true));
        show.setId(idPrefix + "tab-preview");
        for (Button b : List.of(write, show)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.addClassName("tcw-composer-mode");
        }
        modes.add(write, show);
        modes.addClassName("tcw-composer-modes");
        modes.getElement().setAttribute("role", "group");
        modes.getElement().setAttribute("aria-label", getTranslation("discussion.composer.modes"));
        pressed(false);
        body.setId(idPrefix + "body");
        body.setWidthFull();
        body.setMinRows(4);
        body.setMaxLength(maxLength);
        body.setAriaLabel(getTranslation("discussion.post"));
        body.setPlaceholder(getTranslation("discussion.composer.placeholder"));
        body.setHelperText(getTranslation("discussion.composer.help"));
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> suggest(e.getValue()));
        preview.setId(idPrefix + "preview");
        preview.addClassName("tcw-post-body");
        preview.setVisible(false);
        preview.setWidthFull();
        suggestions.setId(idPrefix + "mention-suggestions");
        suggestions.addClassName("tcw-mention-suggestions");
        suggestions.setVisible(false);
        add(modes, body, suggestions, preview);
        setWidthFull();
    }

    private void pressed(boolean preview) {
        write.getElement().setAttribute("aria-pressed", String.valueOf(!preview));
        show.getElement().setAttribute("aria-pressed", String.valueOf(preview));
    }

    /** Shows the preview (true) or the text area (false). */
    void showPreview(boolean on) {
        pressed(on);
        if (on) {
            String html = body.getValue().isBlank() ? "" : discussions.preview(body.getValue());
            preview.getElement().setProperty("innerHTML", html.isEmpty()
                    ? "<p>" + org.jsoup.nodes.Entities.escape(getTranslation("discussion.composer.nothing")) + "</p>"
                    : html);
        }
        preview.setVisible(on);
        body.setVisible(!on);
        suggestions.setVisible(!on && suggestions.getComponentCount() > 0);
    }

    private void suggest(String text) {
        suggestions.removeAll();
        Matcher m = TRAILING_MENTION.matcher(text);
        if (m.find()) {
            List<MentionCandidate> found = discussions.mentionCandidates(commissionId, m.group(1), 8);
            for (MentionCandidate c : found) {
                String label = c.displayName() + " (" + c.handle() + ")" + (c.isStaff()
                        ? " · " + getTranslation("discussion.composer.staff." + c.staffRole()) : "");
                Button option = new Button(label, e -> complete(m.start(1), c));
                option.setId("mention-" + c.username());
                option.addClassName("tcw-mention-option");
                option.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                suggestions.add(option);
            }
            if (found.isEmpty()) {
                suggestions.add(new Span(getTranslation("discussion.composer.no-member")));
            }
        }
        suggestions.setVisible(suggestions.getComponentCount() > 0);
    }

    private void complete(int tokenStart, MentionCandidate candidate) {
        String text = body.getValue();
        body.setValue(text.substring(0, tokenStart) + candidate.username() + " ");
        suggestions.removeAll();
        suggestions.setVisible(false);
        body.focus();
    }

    public String getValue() {
        return body.getValue();
    }

    public void setValue(String text) {
        body.setValue(text);
        showPreview(false);
    }

    public void clear() {
        setValue("");
        suggestions.removeAll();
        suggestions.setVisible(false);
    }

    public void focus() {
        body.focus();
    }

    /** Puts a quote of another post in front of the text. */
    void quote(String authorName, String source) {
        StringBuilder quoted = new StringBuilder();
        quoted.append("> **").append(authorName.replaceAll("[*_`\\[\\]<>]", "")).append("**\n>\n");
        source.lines().forEach(line -> quoted.append("> ").append(line).append('\n'));
        quoted.append('\n');
        setValue(quoted + body.getValue());
        body.focus();
    }
}
