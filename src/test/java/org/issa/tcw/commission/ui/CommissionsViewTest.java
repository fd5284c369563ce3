package org.issa.tcw.commission.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

class CommissionsViewTest extends KaribuTest {

    @Test
    void every_signed_in_person_sees_the_commissions_and_can_filter_them() {
        signInAs("member-fam");
        navigate("commissions");
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("commission-grid"));
        assertThat(_size(grid)).isGreaterThanOrEqualTo(9);
        _setValue(_get(TextField.class, spec -> spec.withId("filter")), "family");
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_getFormatted(grid, 0, "code")).isEqualTo("FAM");
        assertThat(_getFormatted(grid, 0, "chair")).isNotBlank();
        assertThat(Integer.parseInt(_getFormatted(grid, 0, "members"))).isGreaterThan(10);
    }

    @Test
    void a_filter_that_matches_nothing_shows_an_empty_grid() {
        signInAs("member-ict");
        navigate("commissions");
        _setValue(_get(TextField.class, spec -> spec.withId("filter")), "no such commission");
        assertThat(_size(_get(Grid.class, spec -> spec.withId("commission-grid")))).isZero();
    }

    @Test
    void members_see_the_member_list_grouped_by_role() {
        signInAs("member-ict");
        navigate("commissions/ICT");
        assertThat(_get(H2.class, spec -> spec.withId("commission-title")).getText())
                .isEqualTo("ICT · Information and Communication Technology");
        assertThat(_get(Div.class, spec -> spec.withId("members-CHAIR")).getElement().getTextRecursively())
                .contains("Mariana Costa").contains("Brazil");
        assertThat(_get(Div.class, spec -> spec.withId("members-OBSERVER")).getElement().getTextRecursively())
                .contains("Sophie Tremblay");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mandate")).getText()).contains("information");
    }

    @Test
    void people_of_other_commissions_see_only_the_public_summary() {
        signInAs("member-fam");
        navigate("commissions/ICT");
        _get(Paragraph.class, spec -> spec.withId("members-private"));
        assertThat(_find(Div.class, spec -> spec.withId("members"))).isEmpty();
        _get(Paragraph.class, spec -> spec.withId("mandate"));
    }

    @Test
    void an_unknown_commission_code_shows_page_not_found() {
        signInAs("member-ict");
        navigate("commissions/NOPE");
        assertThat(refused()).isTrue();
    }

    @Test
    void signed_out_visitors_are_sent_to_sign_in() {
        navigate("commissions/ICT");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
    }
}
