package org.issa.tcw.commission.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.issa.tcw.security.ui.LoginView;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

class DashboardViewTest extends KaribuTest {

    @Test
    void anonymous_visitor_is_sent_to_the_login_page() {
        navigate("commissions");
        _get(LoginView.class);
    }

    @Test
    void chair_sees_ict_with_her_role_on_the_dashboard() {
        signInAs("chair-ict");
        navigate("");
        Div card = _get(Div.class, spec -> spec.withId("commission-card-ICT"));
        assertThat(card.getElement().getTextRecursively()).contains("Information and Communication Technology")
                .contains("Chair");
        assertThat(_find(Div.class, spec -> spec.withId("commission-card-FAM"))).isEmpty();
    }

    @Test
    void member_of_fam_sees_only_fam() {
        signInAs("member-fam");
        navigate("");
        assertThat(_find(Div.class, spec -> spec.withClasses("tcw-card"))).hasSize(1);
        _get(Div.class, spec -> spec.withId("commission-card-FAM"));
    }

    @Test
    void secretariat_sees_every_active_commission() {
        signInAs("secretariat");
        navigate("");
        assertThat(_find(Div.class, spec -> spec.withClasses("tcw-card")).size()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void admin_without_memberships_sees_all_commissions_too() {
        signInAs("admin");
        navigate("");
        assertThat(_find(Paragraph.class, spec -> spec.withId("no-commissions"))).isEmpty();
    }
}
