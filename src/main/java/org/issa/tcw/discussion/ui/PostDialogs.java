package org.issa.tcw.discussion.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.discussion.Anchor;
import org.issa.tcw.discussion.AnchorType;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.ModerationService;
import org.issa.tcw.discussion.PostRevisionView;
import org.issa.tcw.discussion.PostView;
import org.issa.tcw.discussion.ThreadDetails;

/**
 * The dialogs of a thread page: editing one's post, hiding a post with a reason, a post's
 * history, moving a thread to another anchor. Each calls one service method and runs
 * {@code done} when it succeeded; refusals are shown by {@link Feedback}.
 */
final class PostDialogs {

    private PostDialogs() {
    }

    static void edit(Component host, DiscussionService discussions, int maxLength, PostView post, Runnable done) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(host.getTranslation("discussion.edit.title"));
        var text = new TextArea(host.getTranslation("discussion.post"));
        text.setId("edit-body");
        text.setWidth("40rem");
        text.setMaxLength(maxLength);
        text.setValue(post.source());
        var save = new Button(host.getTranslation("common.save"), e -> {
            if (Feedback.run(host, () -> discussions.edit(post.id(), post.version(), text.getValue()))) {
                dialog.close();
                done.run();
            }
        });
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(host.getTranslation("common.cancel"), e -> dialog.close());
        dialog.add(text);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    static void hide(Component host, ModerationService moderation, PostView post, Runnable done) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(host.getTranslation("discussion.hide.title"));
        var reason = new TextField(host.getTranslation("discussion.hide.reason"));
        reason.setId("hide-reason");
        reason.setWidth("30rem");
        reason.setMaxLength(ModerationService.MAX_REASON);
        var confirm = new Button(host.getTranslation("discussion.hide"), e -> {
            if (Feedback.run(host, () -> moderation.hide(post.id(), reason.getValue()))) {
                dialog.close();
                done.run();
            }
        });
        confirm.setId("hide-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button(host.getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    static void history(Component host, Locale locale, ModerationService moderation, PostView post) {
        var dialog = new Dialog();
        dialog.setId("history-dialog");
        dialog.setHeaderTitle(host.getTranslation("discussion.history.title", post.seq()));
        var list = new VerticalLayout();
        for (PostRevisionView r : moderation.history(post.id())) {
            var when = new Span(host.getTranslation("discussion.history.revision",
                    PostCard.format(r.writtenAt(), locale), PostCard.format(r.replacedAt(), locale)));
            var body = new Pre(r.body());
            body.addClassName("tcw-revision");
            list.add(when, body);
        }
        dialog.add(list);
        dialog.getFooter().add(new Button(host.getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    static void move(Component host, ModerationService moderation, ThreadDetails t, Runnable done) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(host.getTranslation("discussion.move.title"));
        Select<AnchorType> type = new Select<>();
        type.setId("move-type");
        type.setLabel(host.getTranslation("discussion.move.type"));
        type.setItems(AnchorType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(host.getTranslation("discussion.move.none"));
        type.setItemLabelGenerator(a -> a == null ? host.getTranslation("discussion.move.none")
                : host.getTranslation("discussion.anchor-type." + a.name()));
        type.setValue(t.anchorType());
        var anchorId = new IntegerField(host.getTranslation("discussion.move.id"));
        anchorId.setId("move-id");
        anchorId.setMin(1);
        if (t.anchorId() != null) {
            anchorId.setValue(t.anchorId().intValue());
        }
        var confirm = new Button(host.getTranslation("discussion.move"), e -> {
            // the server checks the anchor and takes its label from the record
            if (Feedback.run(host, () -> moderation.move(t.id(), Anchor.chosen(type.getValue(), anchorId.getValue())))) {
                dialog.close();
                done.run();
            }
        });
        confirm.setId("move-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(type, anchorId));
        dialog.getFooter().add(new Button(host.getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
