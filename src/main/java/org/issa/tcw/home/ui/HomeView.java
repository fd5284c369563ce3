package org.issa.tcw.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.commission.MyCommission;
import org.issa.tcw.home.Home;
import org.issa.tcw.home.HomeService;
import org.issa.tcw.programme.ProgrammeHome.ProgrammeAttention;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * The start page: what needs me (mentions and replies, unread threads, documents, milestones,
 * consultations, events; for chairs their programmes, for the secretariat the cross-commission
 * signals), each line a link to the exact place, each empty block saying what to do next; and my
 * commissions (all of them for the secretariat) as cards.
 */
@Route("")
@Menu(title = "nav.dashboard", order = 0, icon = "vaadin:dashboard")
@PermitAll
class HomeView extends VerticalLayout implements HasDynamicTitle {

    private final Locale locale;

    HomeView(HomeService service, CurrentUser currentUser) {
        addClassName("tcw-page");
        this.locale = getLocale();
        add(new H2(getTranslation("dashboard.welcome", currentUser.require().displayName())));
        Home home = service.home();
        var blocks = new Div();
        blocks.setId("home-blocks");
        blocks.addClassName("tcw-home-blocks");
        if (home.secretariat() != null) {
            blocks.add(secretariat(home.secretariat()));
        }
        if (home.chair()) {
            blocks.add(block("programme", home.programme(), this::attention));
        }
        blocks.add(block("mentions", home.mentions(), n -> line(n.link(),
                getTranslation("notification.kind." + n.kind().name(), n.actorName(), n.subject()),
                Formats.date(LocalDate.ofInstant(n.createdAt(), ZoneOffset.UTC), locale)), "notifications"));
        blocks.add(block("threads", home.unreadThreads(), t -> line("discussions/" + t.id(), t.title(),
                t.commissionCode() + " · " + getTranslation("home.threads.unread", t.unreadPosts())),
                null));
        blocks.add(block("documents", home.documents(), d -> line("documents/" + d.id(), d.title(),
                home.codeOf(d.commissionId()) + " · "
                        + getTranslation("workflow.stage." + d.stage().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        + (d.review() ? " · " + getTranslation("home.documents.review") : "")),
                "documents"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        blocks.add(block("milestones", home.milestones(), m -> {
            ListItem item = line("projects/" + m.projectId(), m.title(), m.commissionCode() + " · " + m.projectTitle()
                    + " · " + Formats.date(m.dueDate(), locale));
            if (m.dueDate().isBefore(today)) {
                item.add(badge(getTranslation("home.milestones.overdue"), "error"));
            }
            return item;
        }, null));
        blocks.add(block("consultations", home.consultations(), r -> line("consultations/" + r.roundId(),
                r.documentTitle(), r.commissionCode() + " · " + getTranslation("home.consultations.deadline",
                        Formats.date(LocalDate.ofInstant(r.deadline(), ZoneOffset.UTC), locale))), null));
        String eventsLink = home.secretariat() != null ? "secretariat" : home.commissions().isEmpty() ? null
                : "commissions/" + home.commissions().getFirst().code() + "/programme";
        blocks.add(block("events", home.events(), e -> line(eventsLink, e.title(),
                getTranslation("event.kind." + e.kind().name()) + " · " + Formats.date(e.date(), locale)), null));
        add(blocks);
        add(commissions(home.commissions(), currentUser.require().isStaff()));
    }

    private <T> Section block(String name, List<T> rows, Function<T, ListItem> line) {
        return block(name, rows, line, null);
    }

    private <T> Section block(String name, List<T> rows, Function<T, ListItem> line, @Nullable String allLink) {
        var section = new Section();
        section.setId("home-" + name);
        section.addClassName("tcw-home-block");
        var heading = new H3(getTranslation("home." + name + ".title"));
        section.add(heading);
        if (rows.isEmpty()) {
            var empty = new Paragraph(getTranslation("home." + name + ".empty"));
            empty.addClassName("tcw-empty");
            empty.setId("home-" + name + "-empty");
            section.add(empty);
            return section;
        }
        var list = new UnorderedList();
        list.addClassName("tcw-home-list");
        rows.forEach(r -> list.add(line.apply(r)));
        section.add(list);
        if (allLink != null) {
            section.add(link(allLink, getTranslation("home.see-all")));
        }
        return section;
    }

    private ListItem line(@Nullable String href, String title, String detail) {
        Component main = href == null ? new Span(title) : link(href, title);
        var secondary = new Span(detail);
        secondary.addClassName("tcw-home-detail");
        var item = new ListItem(main, secondary);
        item.addClassName("tcw-home-line");
        return item;
    }

    /** A link the router follows without reloading the page (what {@code RouterLink} renders). */
    private static Anchor link(String href, String text) {
        var anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }

    private ListItem attention(ProgrammeAttention a) {
        String href = a.projectId() == null ? "commissions/" + a.commissionCode() + "/programme"
                : "projects/" + a.projectId();
        if (a.programmeStatus() != null) {
            return line(href, getTranslation("home.programme." + a.programmeStatus().name(), a.commissionCode()),
                    a.commissionCode());
        }
        ListItem item = line(href, a.title(), a.commissionCode());
        item.add(badge(getTranslation("home.programme.overdue", a.overdue()), "error"));
        return item;
    }

    private Section secretariat(Home.SecretariatSignals s) {
        var section = new Section();
        section.setId("home-secretariat");
        section.addClassName("tcw-home-block");
        section.add(new H3(getTranslation("home.secretariat.title")));
        var counts = new UnorderedList();
        counts.addClassName("tcw-home-list");
        ListItem overdue = line("secretariat", getTranslation("home.secretariat.overdue", s.overdue()), "");
        if (s.overdue() > 0) {
            overdue.addClassName("tcw-overdue");
        }
        counts.add(overdue, line("secretariat", getTranslation("home.secretariat.due-soon", s.dueSoon(),
                s.dueSoonDays()), ""), line("secretariat", getTranslation("home.secretariat.awaiting",
                        s.awaitingApproval()), ""));
        for (Home.CommissionSignal c : s.commissions()) {
            counts.add(line("secretariat", c.code() + " · " + c.name(),
                    getTranslation("home.secretariat.overdue", c.overdue())));
        }
        section.add(counts, link("secretariat", getTranslation("home.secretariat.open")));
        return section;
    }

    private Span badge(String text, String theme) {
        var badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }

    private Component commissions(List<MyCommission> mine, boolean staff) {
        var section = new Section();
        section.setId("home-commissions");
        section.add(new H3(getTranslation(staff ? "dashboard.all-commissions" : "dashboard.my-commissions")));
        if (mine.isEmpty()) {
            var none = new Paragraph(getTranslation("dashboard.no-commissions"));
            none.setId("no-commissions");
            none.addClassName("tcw-empty");
            section.add(none);
            return section;
        }
        var cards = new Div();
        cards.setId("my-commissions");
        cards.addClassName("tcw-cards");
        for (MyCommission c : mine) {
            cards.add(card(c));
        }
        section.add(cards);
        return section;
    }

    private Div card(MyCommission c) {
        var card = new Div();
        card.addClassName("tcw-card");
        card.setId("commission-card-" + c.code());
        card.add(new H3(link("commissions/" + c.code(), c.code() + " · " + c.name())));
        if (c.myRole() != null) {
            var role = new Span(getTranslation("role." + c.myRole().name()));
            role.getElement().getThemeList().add("badge");
            role.addClassName("tcw-my-role");
            card.add(role);
        }
        card.add(new Paragraph(getTranslation("dashboard.chair",
                c.chairName() == null ? getTranslation("commission.no-chair") : c.chairName())));
        card.add(new Paragraph(getTranslation("dashboard.members", c.memberCount())));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard") + " · " + getTranslation("app.title");
    }
}
