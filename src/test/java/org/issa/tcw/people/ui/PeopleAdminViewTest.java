package org.issa.tcw.people.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

class PeopleAdminViewTest extends KaribuTest {

    @Test
    void the_secretariat_adds_a_person() {
        signInAs("secretariat");
        navigate("admin/people");
        String username = "amelie" + System.nanoTime();
        _click(_get(Button.class, spec -> spec.withId("new-person")));
        _setValue(_get(TextField.class, spec -> spec.withId("first-name")), "Amélie");
        _setValue(_get(TextField.class, spec -> spec.withId("last-name")), "Nkemelu");
        _setValue(_get(TextField.class, spec -> spec.withId("username")), username);
        _setValue(_get(EmailField.class, spec -> spec.withId("email")), username + "@cnps.cm");
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(notifications()).contains("Saved.");
        _setValue(_get(TextField.class, spec -> spec.withId("filter")), username);
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("person-grid"));
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_getFormatted(grid, 0, "name")).isEqualTo("Amélie Nkemelu");
    }

    @Test
    void an_invalid_e_mail_is_explained_and_nothing_is_saved() {
        signInAs("secretariat");
        navigate("admin/people");
        String username = "bad" + System.nanoTime();
        _click(_get(Button.class, spec -> spec.withId("new-person")));
        _setValue(_get(TextField.class, spec -> spec.withId("last-name")), "Bad");
        _setValue(_get(TextField.class, spec -> spec.withId("username")), username);
        _setValue(_get(EmailField.class, spec -> spec.withId("email")), "not-an-address");
        _click(_get(Button.class, spec -> spec.withId("save")));
        EmailField email = _get(EmailField.class, spec -> spec.withId("email"));
        assertThat(email.isInvalid()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("cancel")));
        _setValue(_get(TextField.class, spec -> spec.withId("filter")), username);
        assertThat(_size(_get(Grid.class, spec -> spec.withId("person-grid")))).isZero();
    }

    @Test
    void deleting_someone_with_memberships_is_refused_with_an_explanation() {
        signInAs("secretariat");
        navigate("admin/people");
        _setValue(_get(TextField.class, spec -> spec.withId("filter")), "member-fam");
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("person-grid"));
        assertThat(_size(grid)).isEqualTo(1);
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "actions");
        _click((Button) actions.getComponentAt(1));
        confirm();
        // "1 membership … refers" or "2 memberships … refer" (other tests may add one): singular and plural agree
        assertThat(notifications()).anyMatch(n -> n.contains("cannot be deleted")
                && n.matches(".*\\b(1 membership \\(current or past\\) refers|[2-9] memberships \\(current or past\\) refer) to them.*"));
        assertThat(_size(grid)).isEqualTo(1);
    }

    @Test
    void members_cannot_open_the_people_administration() {
        signInAs("member-fam");
        navigate("admin/people");
        assertThat(refused()).isTrue();
    }
}
