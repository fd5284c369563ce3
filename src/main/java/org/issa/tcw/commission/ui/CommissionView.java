package org.issa.tcw.commission.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.MemberRow;

/** A commission's page: mandate, and (for its members and the secretariat) members grouped by role. */
@Route("commissions/:code")
@PermitAll
public class CommissionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String CODE = "code";

    private final CommissionService commissions;
    private String title = "";

    private final java.util.List<org.issa.tcw.base.ui.CommissionSection> sections;

    CommissionView(CommissionService commissions, java.util.List<org.issa.tcw.base.ui.CommissionSection> sections) {
        this.commissions = commissions;
        this.sections = sections.stream()
                .sorted(java.util.Comparator.comparingInt(org.issa.tcw.base.ui.CommissionSection::order)).toList();
        addClassName("tcw-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get(CODE).orElse("");
        CommissionDetails details = commissions.details(code).orElseThrow(NotFoundException::new);
        title = details.code() + " · " + details.name();
        removeAll();
        var heading = new H2(title);
        heading.setId("commission-title");
        add(heading);
        if (!details.active()) {
            var retired = new Span(getTranslation("commission.retired"));
            retired.getElement().getThemeList().add("badge contrast");
            add(retired);
        }
        if (details.myRole() != null) {
            var role = new Span(getTranslation("commission.my-role", getTranslation("role." + details.myRole().name())));
            role.getElement().getThemeList().add("badge");
            role.setId("my-role");
            add(role);
        }
        if (details.membersVisible()) {
            add(workspaceLinks(details.code()));
        }
        add(new H3(getTranslation("commission.mandate")));
        var mandate = new Paragraph(details.mandate() == null ? getTranslation("commission.no-mandate") : details.mandate());
        mandate.setId("mandate");
        add(mandate);
        add(new Paragraph(getTranslation("dashboard.chair",
                details.chairName() == null ? getTranslation("commission.no-chair") : details.chairName())));
        sections.forEach(s -> s.create(details.code()).ifPresent(this::add));
        if (!details.membersVisible()) {
            var note = new Paragraph(getTranslation("commission.members-private"));
            note.setId("members-private");
            add(note);
            return;
        }
        add(members(details.members()));
    }

    /** The commission's work: programme, documents, discussions (for those who may read it). */
    private HorizontalLayout workspaceLinks(String code) {
        var links = new HorizontalLayout();
        links.setId("workspace-links");
        links.addClassName("tcw-workspace-links");
        links.add(link("commissions/" + code + "/programme", "commission.link.programme", "programme-link"));
        links.add(link("commissions/" + code + "/documents", "commission.link.documents", "documents-link"));
        links.add(link("commissions/" + code + "/discussions", "commission.link.discussions", "discussions-link"));
        return links;
    }

    private Anchor link(String href, String key, String id) {
        var anchor = new Anchor(href, getTranslation(key));
        anchor.setId(id);
        return anchor;
    }

    private Div members(List<MemberRow> members) {
        var box = new Div();
        box.setId("members");
        Map<CommissionRole, List<MemberRow>> byRole = members.stream()
                .collect(Collectors.groupingBy(MemberRow::role, TreeMap::new, Collectors.toList()));
        byRole.forEach((role, rows) -> {
            var group = new Div();
            group.setId("members-" + role.name());
            group.add(new H3(getTranslation("role.plural." + role.name()) + " (" + rows.size() + ")"));
            for (MemberRow m : rows) {
                var line = new Div(new Span(m.displayName()),
                        new Span(m.institutionName() == null
                                ? m.countryCode() == null ? "" : " (" + Formats.country(m.countryCode(), getLocale()) + ")"
                                : " — " + Formats.institution(m.institutionName(), m.countryCode(), getLocale())));
                line.addClassName("tcw-member");
                group.add(line);
            }
            box.add(group);
        });
        return box;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
