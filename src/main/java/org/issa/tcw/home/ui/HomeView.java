package org.issa.tcw.home.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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
import org.issa.tcw.base.ui.StaticHtml;
import org.issa.tcw.commission.MyCommission;
import org.issa.tcw.home.Home;
import org.issa.tcw.home.HomeService;
import org.issa.tcw.programme.ProgrammeHome.ProgrammeAttention;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Element;

/**
 * The start page: what needs me (mentions and replies, unread threads, documents, milestones,
 * consultations, events; for chairs their programmes, for the secretariat the cross-commission
 * signals), each line a link to the exact place, each empty block saying what to do next; and my
 * commissions (all of them for the secretariat) as cards.
 */
@Route("")
@Menu(title = "nav.dashboard", order = 0, icon = "tcw:dashboard")
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
            Element item = line("projects/" + m.projectId(), m.title(), m.commissionCode() + " · "
                    + m.projectTitle() + " · " + Formats.date(m.dueDate(), locale));
            if (m.dueDate().isBefore(today)) {
                badge(item, getTranslation("home.milestones.overdue"), "error");
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

    private <T> Html block(String name, List<T> rows, Function<T, Element> line) {
        return block(name, rows, line, null);
    }

    private <T> Html block(String name, List<T> rows, Function<T, Element> line, @Nullable String allLink) {
        Element section = StaticHtml.element("section").id("home-" + name).addClass("tcw-home-block");
        section.appendElement("h3").text(getTranslation("home." + name + ".title"));
        if (rows.isEmpty()) {
            section.appendElement("p").id("home-" + name + "-empty").addClass("tcw-empty")
                    .text(getTranslation("home." + name + ".empty"));
            return StaticHtml.of(section);
        }
        Element list = section.appendElement("ul").addClass("tcw-home-list");
        rows.forEach(r -> list.appendChild(line.apply(r)));
        if (allLink != null) {
            StaticHtml.routerLink(section, allLink, getTranslation("home.see-all"));
        }
        return StaticHtml.of(section);
    }

    private static Element line(@Nullable String href, String title, String detail) {
        Element item = StaticHtml.element("li").addClass("tcw-home-line");
        if (href == null) {
            item.appendElement("span").text(title);
        } else {
            StaticHtml.routerLink(item, href, title);
        }
        item.appendElement("span").addClass("tcw-home-detail").text(detail);
        return item;
    }

    private Element attention(ProgrammeAttention a) {
        String href = a.projectId() == null ? "commissions/" + a.commissionCode() + "/programme"
                : "projects/" + a.projectId();
        if (a.programmeStatus() != null) {
            return line(href, getTranslation("home.programme." + a.programmeStatus().name(), a.commissionCode()),
                    a.commissionCode());
        }
        Element item = line(href, a.title(), a.commissionCode());
        badge(item, getTranslation("home.programme.overdue", a.overdue()), "error");
        return item;
    }

    private Html secretariat(Home.SecretariatSignals s) {
        Element section = StaticHtml.element("section").id("home-secretariat").addClass("tcw-home-block");
        section.appendElement("h3").text(getTranslation("home.secretariat.title"));
        Element counts = section.appendElement("ul").addClass("tcw-home-list");
        Element overdue = line("secretariat", getTranslation("home.secretariat.overdue", s.overdue()), "");
        if (s.overdue() > 0) {
            overdue.addClass("tcw-overdue");
        }
        counts.appendChild(overdue);
        counts.appendChild(line("secretariat", getTranslation("home.secretariat.due-soon", s.dueSoon(),
                s.dueSoonDays()), ""));
        counts.appendChild(line("secretariat", getTranslation("home.secretariat.awaiting", s.awaitingApproval()), ""));
        for (Home.CommissionSignal c : s.commissions()) {
            counts.appendChild(line("secretariat", c.code() + " · " + c.name(),
                    getTranslation("home.secretariat.overdue", c.overdue())));
        }
        StaticHtml.routerLink(section, "secretariat", getTranslation("home.secretariat.open"));
        return StaticHtml.of(section);
    }

    private static void badge(Element parent, String text, String theme) {
        parent.appendElement("span").attr("theme", "badge " + theme).text(text);
    }

    private Html commissions(List<MyCommission> mine, boolean staff) {
        Element section = StaticHtml.element("section").id("home-commissions");
        section.appendElement("h3").text(getTranslation(staff ? "dashboard.all-commissions" : "dashboard.my-commissions"));
        if (mine.isEmpty()) {
            section.appendElement("p").id("no-commissions").addClass("tcw-empty")
                    .text(getTranslation("dashboard.no-commissions"));
            return StaticHtml.of(section);
        }
        Element cards = section.appendElement("div").id("my-commissions").addClass("tcw-cards");
        for (MyCommission c : mine) {
            card(cards, c);
        }
        return StaticHtml.of(section);
    }

    private void card(Element cards, MyCommission c) {
        Element card = cards.appendElement("div").addClass("tcw-card").id("commission-card-" + c.code());
        StaticHtml.routerLink(card.appendElement("h3"), "commissions/" + c.code(), c.code() + " · " + c.name());
        if (c.myRole() != null) {
            card.appendElement("span").attr("theme", "badge").addClass("tcw-my-role")
                    .text(getTranslation("role." + c.myRole().name()));
        }
        card.appendElement("p").text(getTranslation("dashboard.chair",
                c.chairName() == null ? getTranslation("commission.no-chair") : c.chairName()));
        card.appendElement("p").text(getTranslation("dashboard.members", c.memberCount()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard") + " · " + getTranslation("app.title");
    }
}
