package org.issa.tcw.commission.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.MyCommission;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;

/** The start page: my commissions with my role, their chair and size (all of them for the secretariat). */
@Route("")
@Menu(title = "nav.dashboard", order = 0, icon = "vaadin:dashboard")
@PermitAll
class DashboardView extends VerticalLayout implements HasDynamicTitle {

    DashboardView(CommissionService commissions, CurrentUser currentUser) {
        SignedInUser user = currentUser.require();
        addClassName("tcw-page");
        add(new H2(getTranslation("dashboard.welcome", user.displayName())));
        List<MyCommission> mine = commissions.myCommissions();
        add(new H3(getTranslation(user.isStaff() ? "dashboard.all-commissions" : "dashboard.my-commissions")));
        if (mine.isEmpty()) {
            var none = new Paragraph(getTranslation("dashboard.no-commissions"));
            none.setId("no-commissions");
            add(none);
            return;
        }
        var cards = new Div();
        cards.setId("my-commissions");
        cards.addClassName("tcw-cards");
        for (MyCommission c : mine) {
            cards.add(card(c));
        }
        add(cards);
    }

    private Div card(MyCommission c) {
        var link = new RouterLink(c.code() + " · " + c.name(), CommissionView.class,
                new RouteParameters(CommissionView.CODE, c.code()));
        var card = new Div();
        card.addClassName("tcw-card");
        card.setId("commission-card-" + c.code());
        var title = new H3(link);
        card.add(title);
        if (c.myRole() != null) {
            var role = new Span(getTranslation("role." + c.myRole().name()));
            role.getElement().getThemeList().add("badge");
            role.addClassName("tcw-my-role");
            card.add(role);
        }
        card.add(new Paragraph(getTranslation("dashboard.chair",
                c.chairName() == null ? getTranslation("commission.no-chair") : c.chairName())));
        card.add(new Paragraph(getTranslation("dashboard.members", Formats.number(c.memberCount(), getLocale()))));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard") + " · " + getTranslation("app.title");
    }
}
