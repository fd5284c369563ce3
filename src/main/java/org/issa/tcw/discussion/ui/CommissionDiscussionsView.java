package org.issa.tcw.discussion.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.LiveAccess;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.discussion.Anchor;
import org.issa.tcw.discussion.AnchorType;
import org.issa.tcw.discussion.DiscussionBroadcaster;
import org.issa.tcw.discussion.DiscussionLimits;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.NewThread;
import org.issa.tcw.discussion.ReadingService;
import org.issa.tcw.discussion.Subscription;
import org.issa.tcw.discussion.ThreadRow;
import org.issa.tcw.discussion.WatchLevel;
import org.jspecify.annotations.Nullable;

/**
 * A commission's threads: pinned first, then by last activity, each with its number of new posts
 * for the reader; search in titles and posts; start a thread; mark all read; the reader's watch
 * level for the commission. Counts update live while the list is open.
 */
@Route("commissions/:code/discussions")
@PermitAll
@CssImport("./styles/discussion.css")
class CommissionDiscussionsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CommissionService commissions;
    private final CommissionAccess access;
    private final DiscussionService discussions;
    private final ReadingService reading;
    private final DiscussionBroadcaster broadcaster;
    private final DiscussionLimits limits;

    final Grid<ThreadRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private @Nullable CommissionDetails commission;
    private @Nullable Subscription subscription;
    private String title = "";

    CommissionDiscussionsView(CommissionService commissions, CommissionAccess access, DiscussionService discussions,
            ReadingService reading, DiscussionBroadcaster broadcaster, DiscussionLimits limits) {
        this.commissions = commissions;
        this.access = access;
        this.discussions = discussions;
        this.reading = reading;
        this.broadcaster = broadcaster;
        this.limits = limits;
        addClassName("tcw-page");
        setSizeFull();
        grid.setId("thread-grid");
        // long titles wrap rather than being cut; on a phone the title and the last activity remain
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(new ComponentRenderer<>(this::titleCell)).setHeader(getTranslation("discussion.title"))
                .setFlexGrow(4);
        var author = grid.addColumn(ThreadRow::authorName).setHeader(getTranslation("discussion.started-by"))
                .setFlexGrow(1);
        var replies = grid.addColumn(ThreadRow::replyCount).setHeader(getTranslation("discussion.replies"))
                .setFlexGrow(0).setWidth("7rem");
        org.issa.tcw.base.ui.NarrowScreens.hideColumnsWhenNarrow(this, author, replies);
        grid.addColumn(r -> PostCard.format(r.lastPostAt(), getLocale()))
                .setHeader(getTranslation("discussion.last-activity")).setFlexGrow(1);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("discussions/" + e.getItem().id())));
        org.issa.tcw.base.ui.Keyboard.openRowsOnEnter(grid);
        search.setId("search");
        search.setPlaceholder(getTranslation("discussion.search"));
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        CommissionDetails details = commissions.details(code).orElseThrow(NotFoundException::new);
        if (!details.membersVisible()) {
            commission = null;
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        commission = details;
        title = getTranslation("discussion.list.title", details.code());
        removeAll();
        var heading = new H2(title);
        heading.setId("discussions-title");
        var commissionLink = new com.vaadin.flow.component.html.Anchor("commissions/" + details.code(), details.name());
        commissionLink.setId("commission-link");

        var newThread = new Button(getTranslation("discussion.new-thread"), VaadinIcon.PLUS.create(),
                e -> openNewThread(null));
        newThread.setId("new-thread");
        newThread.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newThread.setVisible(access.may(CommissionAction.POST, details.id()));
        var markAll = new Button(getTranslation("discussion.mark-all-read"), e -> {
            if (Feedback.run(this, () -> reading.markAllRead(details.id()))) {
                grid.getDataProvider().refreshAll();
                Feedback.success(getTranslation("discussion.marked-all-read"));
            }
        });
        markAll.setId("mark-all-read");
        Select<WatchLevel> watch = WatchLevels.select(this, "commission-watch", "discussion.watch.commission");
        watch.setValue(reading.commissionLevel(details.id()));
        watch.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                Feedback.run(this, () -> reading.watchCommission(details.id(), e.getValue()));
                grid.getDataProvider().refreshAll();
            }
        });
        var bar = new HorizontalLayout(search, newThread, markAll, watch);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.expand(search);
        add(heading, commissionLink, bar, grid);
        setFlexGrow(1, grid);
        grid.setItems(q -> discussions.threads(details.id(), search.getValue(),
                VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) discussions.countThreads(details.id(), search.getValue()));

        // Other pages (a project, a document, an event) send people here to start an attached thread.
        // The server checks the anchor and labels it from the record (a label in the URL is ignored).
        QueryParameters params = event.getLocation().getQueryParameters();
        var type = params.getSingleParameter("anchorType");
        var id = params.getSingleParameter("anchorId");
        if (type.isPresent() && id.isPresent() && newThread.isVisible()) {
            try {
                openNewThread(discussions.anchor(details.id(), AnchorType.valueOf(type.get()), Long.parseLong(id.get())));
            } catch (IllegalArgumentException | org.issa.tcw.base.UserFacingException e) {
                Feedback.error(getTranslation("discussion.anchor.invalid"));
            }
        }
    }

    private Div titleCell(ThreadRow row) {
        var cell = new Div();
        cell.addClassName("tcw-thread-cell");
        cell.setId("thread-" + row.id());
        var t = new Span(row.title());
        t.addClassName(row.unread() ? "tcw-thread-unread" : "tcw-thread-read");
        t.setId("thread-title-" + row.id());
        cell.add(t);
        if (row.pinned()) {
            cell.add(badge(getTranslation("discussion.pinned"), "contrast"));
        }
        if (row.locked()) {
            cell.add(badge(getTranslation("discussion.locked"), "contrast"));
        }
        if (row.neverOpened() && row.watchLevel() != WatchLevel.MUTED) {
            cell.add(badge(getTranslation("discussion.new"), "success"));
        } else if (row.unread()) {
            Span count = badge(getTranslation("discussion.unread-count", row.unreadPosts()), "primary");
            count.setId("unread-" + row.id());
            cell.add(count);
        }
        if (row.anchorType() != null && row.anchorLabel() != null) {
            var anchor = new Span(getTranslation("discussion.anchor." + row.anchorType().name(), row.anchorLabel()));
            anchor.addClassName("tcw-thread-anchor");
            cell.add(anchor);
        }
        return cell;
    }

    private static Span badge(String text, String theme) {
        var s = new Span(text);
        s.getElement().getThemeList().add("badge small " + theme);
        return s;
    }

    private void openNewThread(@Nullable Anchor anchor) {
        CommissionDetails c = commission;
        if (c == null) {
            return;
        }
        var dialog = new Dialog();
        dialog.setId("new-thread-dialog");
        dialog.setHeaderTitle(getTranslation("discussion.new-thread"));
        dialog.setWidth("48rem");
        var threadTitle = new TextField(getTranslation("discussion.title"));
        threadTitle.setId("new-title");
        threadTitle.setWidthFull();
        threadTitle.setMaxLength(limits.maxTitleLength());
        var composer = new MarkdownComposer(discussions, c.id(), limits.maxPostLength(), "new-");
        var content = new VerticalLayout(threadTitle);
        content.setPadding(false);
        if (anchor != null) {
            var attached = new Span(getTranslation("discussion.anchor." + anchor.type().name(), anchor.label()));
            attached.setId("new-anchor");
            attached.getElement().getThemeList().add("badge");
            content.add(attached);
        }
        content.add(composer);
        var create = new Button(getTranslation("discussion.create"), e -> {
            long[] id = new long[1];
            if (Feedback.run(this, () -> id[0] = discussions.startThread(
                    new NewThread(c.id(), threadTitle.getValue(), composer.getValue(), anchor)))) {
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate("discussions/" + id[0]));
            }
        });
        create.setId("create-thread");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(content);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), create);
        dialog.open();
        threadTitle.focus();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        CommissionDetails c = commission;
        if (c == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        var live = LiveAccess.in(ui);
        var signals = broadcaster.subscribeCommission(c.id(),
                signal -> live.execute(() -> grid.getDataProvider().refreshAll()));
        var resumes = broadcaster.onResume(() -> live.execute(() -> grid.getDataProvider().refreshAll()));
        subscription = () -> {
            signals.cancel();
            resumes.cancel();
        };
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
