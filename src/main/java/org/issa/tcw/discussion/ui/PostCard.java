package org.issa.tcw.discussion.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.discussion.PostView;
import org.issa.tcw.discussion.Reaction;

/**
 * One post of a thread. Names and reasons are set as text; only the post body, which the server
 * rendered from Markdown and sanitized, is set as HTML.
 *
 * <p>The buttons of a card are native {@code <button>} elements styled in {@code discussion.css},
 * not {@code vaadin-button} web components: a page of 30 posts has up to 240 of them, and creating
 * that many web components was most of the browser's time to first paint
 * (docs/benchmarks-discussion.md).
 */
class PostCard extends Div {

    /** What the thread page does when a button of the card is pressed. */
    interface Actions {
        void reply(PostView post);

        void quote(PostView post);

        void edit(PostView post);

        void delete(PostView post);

        void react(PostView post, Reaction reaction);

        void hide(PostView post);

        void show(PostView post);

        void history(PostView post);
    }

    private PostView post;
    /** The reaction picker is open. */
    private boolean picking;

    PostCard(PostView post, long readerId, boolean mayPost, boolean mayModerate, Actions actions) {
        addClassName("tcw-post");
        this.post = post;
        update(post, readerId, mayPost, mayModerate, actions);
    }

    long seq() {
        return post.seq();
    }

    PostView post() {
        return post;
    }

    void update(PostView post, long readerId, boolean mayPost, boolean mayModerate, Actions actions) {
        this.post = post;
        removeAll();
        setId("post-" + post.seq());
        var author = new Span(post.authorName());
        author.addClassName("tcw-post-author");
        var when = new Span(format(post.createdAt(), getLocale()));
        when.addClassName("tcw-post-time");
        var header = new Div(author, when);
        header.addClassName("tcw-post-header");
        if (post.edited()) {
            var edited = new Span(getTranslation("discussion.post.edited"));
            edited.getElement().getThemeList().add("badge contrast small");
            edited.setId("edited-" + post.seq());
            header.add(edited);
        }
        if (post.replyToSeq() != null) {
            var replyTo = new Span(getTranslation("discussion.post.in-reply-to", post.replyToSeq(),
                    post.replyToAuthor() == null ? "?" : post.replyToAuthor()));
            replyTo.addClassName("tcw-post-reply-to");
            header.add(replyTo);
        }
        add(header);

        var body = new Div();
        body.addClassName("tcw-post-body");
        body.setId("post-body-" + post.seq());
        if (post.deleted()) {
            body.setText(getTranslation("discussion.post.removed"));
            body.addClassName("tcw-post-removed");
        } else if (post.hiddenReason() != null) {
            var note = new Div(new Span(getTranslation("discussion.post.hidden", post.hiddenReason())));
            note.addClassName("tcw-post-removed");
            note.setId("hidden-note-" + post.seq());
            body.add(note);
            if (!post.html().isEmpty()) {
                var text = new Div();
                text.getElement().setProperty("innerHTML", post.html());
                text.addClassName("tcw-post-hidden-text");
                body.add(text);
            }
        } else {
            body.getElement().setProperty("innerHTML", post.html());
        }
        add(body);

        // one row, one Tab stop (ThreadView makes the posts a roving group, tcw-keyboard.ts): the
        // reactions that have counts, "add a reaction", then the actions
        var bar = new Div();
        bar.addClassName("tcw-post-actions");
        bar.setId("actions-" + post.seq());
        bar.getElement().setAttribute("role", "toolbar");
        bar.getElement().setAttribute("aria-label", getTranslation("discussion.post.actions", post.seq(),
                post.authorName()));
        if (post.visible()) {
            reactions(bar, mayPost, readerId, mayModerate, actions);
        }
        if (mayPost && post.visible()) {
            bar.add(button("reply", getTranslation("discussion.reply"), () -> actions.reply(post)));
            bar.add(button("quote", getTranslation("discussion.quote"), () -> actions.quote(post)));
        }
        boolean mine = post.authorId() == readerId;
        if (mine && mayPost && !post.deleted()) {
            bar.add(button("edit", getTranslation("discussion.edit"), () -> actions.edit(post)));
            bar.add(button("delete", getTranslation("discussion.delete"), () -> actions.delete(post)));
        }
        if (mayModerate && !post.deleted()) {
            if (post.hiddenReason() == null) {
                bar.add(button("hide", getTranslation("discussion.hide"), () -> actions.hide(post)));
            } else {
                bar.add(button("show", getTranslation("discussion.show"), () -> actions.show(post)));
            }
            if (post.edited()) {
                bar.add(button("history", getTranslation("discussion.history"), () -> actions.history(post)));
            }
        }
        add(bar);
    }

    /**
     * Only the reactions someone gave, each announced with its count ("Heart: 2"); one button opens
     * the picker of all reactions in the same row.
     */
    private void reactions(Div bar, boolean mayPost, long readerId, boolean mayModerate, Actions actions) {
        Map<Reaction, PostView.ReactionCount> counts = post.reactions().stream()
                .collect(Collectors.toMap(PostView.ReactionCount::reaction, c -> c));
        Runnable redraw = () -> update(post, readerId, mayPost, mayModerate, actions);
        for (Reaction r : Reaction.values()) {
            PostView.ReactionCount c = counts.get(r);
            if (c == null) {
                continue;
            }
            String id = "react-" + post.seq() + "-" + r.name();
            var b = new NativeButton(r.emoji() + " " + c.count(), e -> {
                actions.react(post, r);
                refocus(id);
            });
            b.setId(id);
            String name = getTranslation("discussion.reaction." + r.name());
            b.setAriaLabel(getTranslation("discussion.reaction.count", name, c.count()));
            // the browser's own tooltip: a Vaadin tooltip per button was 180 more components on a page
            // of 30 posts (docs/benchmarks-discussion.md, browser time to first paint)
            b.getElement().setAttribute("title", name);
            b.addClassName("tcw-reaction");
            b.getElement().setAttribute("aria-pressed", String.valueOf(c.mine()));
            if (c.mine()) {
                b.addClassName("tcw-reaction-mine");
            }
            b.setEnabled(mayPost);
            bar.add(b);
        }
        if (!mayPost) {
            return;
        }
        String addId = "react-add-" + post.seq();
        var add = new NativeButton(getTranslation("discussion.reaction.add"), e -> {
            picking = !picking;
            redraw.run();
            refocus(picking ? "react-pick-" + post.seq() + "-" + Reaction.values()[0].name() : addId);
        });
        add.setId(addId);
        add.addClassName("tcw-post-action");
        add.addClassName("tcw-reaction-add");
        add.getElement().setAttribute("aria-expanded", String.valueOf(picking));
        add.getElement().setAttribute("aria-haspopup", "true");
        bar.add(add);
        if (picking) {
            var picker = new Span();
            picker.addClassName("tcw-reaction-picker");
            picker.getElement().setAttribute("role", "group");
            picker.getElement().setAttribute("data-picker", "");
            picker.getElement().setAttribute("aria-label", getTranslation("discussion.reaction.add"));
            picker.getElement().addEventListener("tcw-close-picker", e -> {
                picking = false;
                redraw.run();
                refocus(addId);
            });
            for (Reaction r : Reaction.values()) {
                String name = getTranslation("discussion.reaction." + r.name());
                var option = new NativeButton(r.emoji(), e -> {
                    picking = false;
                    actions.react(post, r);
                    refocus("react-" + post.seq() + "-" + r.name());
                });
                option.setId("react-pick-" + post.seq() + "-" + r.name());
                option.setAriaLabel(name);
                option.getElement().setAttribute("title", name);
                option.addClassName("tcw-reaction");
                picker.add(option);
            }
            bar.add(picker);
        }
    }

    /** Keeps the keyboard where it was when the card is drawn again. */
    private void refocus(String id) {
        getElement().executeJs("const b = this.querySelector('#' + $0); if (b) b.focus();", id);
    }

    private NativeButton button(String action, String label, Runnable run) {
        var b = new NativeButton(label, e -> run.run());
        b.setId(action + "-" + post.seq());
        b.addClassName("tcw-post-action");
        return b;
    }

    static String format(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(UserZone.current()).format(instant);
    }

}
