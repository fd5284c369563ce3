package org.issa.tcw.programme.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.sidenav.SideNavItem;
import org.issa.tcw.programme.AwaitingApproval;
import org.issa.tcw.programme.CommissionProgress;
import org.issa.tcw.security.ui.LoginView;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

class SecretariatViewTest extends KaribuTest {

    @Test
    void the_secretariat_sees_every_commission_overdue_due_soon_and_awaiting_approval() {
        signInAs("secretariat");
        navigate("secretariat");
        SecretariatView view = _get(SecretariatView.class);
        var lines = view.progress.getListDataView().getItems().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(9);
        CommissionProgress ict = lines.stream().filter(c -> c.code().equals("ICT")).findFirst().orElseThrow();
        assertThat(ict.projects()).isGreaterThanOrEqualTo(5);
        assertThat(ict.milestonesOverdue()).isPositive();
        assertThat(view.overdue.getListDataView().getItems()).isNotEmpty();
        assertThat(view.dueSoon.getListDataView().getItems()).isNotEmpty();
        assertThat(view.awaiting.getListDataView().getItems().map(AwaitingApproval::commissionCode)).contains("OMI");
        assertThat(view.timeline.svg()).contains("ICT · ", "FAM · ");
        assertThat(view.summary.getText()).startsWith("Triennium 2026–2028");
    }

    @Test
    void filters_narrow_the_dashboard_to_one_commission() {
        signInAs("secretariat");
        navigate("secretariat");
        SecretariatView view = _get(SecretariatView.class);
        var fam = view.commission.getListDataView().getItems().filter(c -> c.code().equals("FAM")).findFirst()
                .orElseThrow();
        _setValue(view.commission, fam);
        assertThat(view.progress.getListDataView().getItems().map(CommissionProgress::code)).containsExactly("FAM");
        assertThat(view.overdue.getListDataView().getItems()).allMatch(m -> m.commissionCode().equals("FAM"));
        assertThat(view.timeline.svg()).doesNotContain("ICT · ");
    }

    @Test
    void the_side_menu_offers_the_dashboard_to_the_secretariat_only() {
        signInAs("secretariat");
        navigate("");
        assertThat(_find(SideNavItem.class, spec -> spec.withPredicate(i -> "secretariat".equals(i.getPath()))))
                .hasSize(1);
        signInAs("chair-ict");
        navigate("");
        assertThat(_find(SideNavItem.class, spec -> spec.withPredicate(i -> "secretariat".equals(i.getPath()))))
                .isEmpty();
    }

    @Test
    void a_chair_cannot_open_the_dashboard() {
        signInAs("chair-ict");
        navigate("secretariat");
        assertThat(_find(SecretariatView.class)).isEmpty();
    }

    @Test
    void an_anonymous_visitor_is_sent_to_login() {
        navigate("secretariat");
        _get(LoginView.class);
    }
}
