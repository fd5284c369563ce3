package org.issa.tcw.commission.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.MemberRow;
import org.issa.tcw.people.PersonForm;
import org.issa.tcw.people.PersonOption;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

class CommissionsAdminViewTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.issa.tcw.people.PersonService people;


    @Test
    void the_secretariat_creates_a_commission_which_then_appears_in_the_list() {
        signInAs("secretariat");
        navigate("admin/commissions");
        String code = "X" + (System.nanoTime() % 100_000_000L);
        _click(_get(Button.class, spec -> spec.withId("new-commission")));
        _setValue(_get(TextField.class, spec -> spec.withId("code")), code);
        _setValue(_get(TextField.class, spec -> spec.withId("name")), "Investment of Social Security Funds " + code);
        _setValue(_get(TextArea.class, spec -> spec.withId("mandate")), "Guidelines on investment of funds.");
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(notifications()).contains("Saved.");
        _setValue(_get(TextField.class, spec -> spec.withId("filter")), code);
        assertThat(_size(_get(Grid.class, spec -> spec.withId("commission-admin-grid")))).isEqualTo(1);
    }

    @Test
    void an_invalid_code_is_explained_and_a_duplicate_code_is_refused() {
        signInAs("secretariat");
        navigate("admin/commissions");
        _click(_get(Button.class, spec -> spec.withId("new-commission")));
        _setValue(_get(TextField.class, spec -> spec.withId("code")), "1 bad");
        _setValue(_get(TextField.class, spec -> spec.withId("name")), "Bad code");
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(_get(TextField.class, spec -> spec.withId("code")).isInvalid()).isTrue();
        _setValue(_get(TextField.class, spec -> spec.withId("code")), "ICT");
        _setValue(_get(TextField.class, spec -> spec.withId("name")), "Another ICT " + System.nanoTime());
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(notifications()).contains("This code is already used by another commission.");
        _get(Dialog.class);
    }

    @Test
    void a_commission_with_members_cannot_be_deleted_and_says_why() {
        signInAs("secretariat");
        navigate("admin/commissions");
        _setValue(_get(TextField.class, spec -> spec.withId("filter")), "Family");
        clickInCell(_get(Grid.class, spec -> spec.withId("commission-admin-grid")), 0, "actions", "delete-FAM");
        confirm();
        assertThat(notifications()).anyMatch(n -> n.contains("cannot be deleted") && n.contains("Retire it instead"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_secretariat_adds_a_member_in_the_memberships_dialog() {
        signInAs("secretariat");
        navigate("admin/commissions");
        _setValue(_get(TextField.class, spec -> spec.withId("filter")), "Mutual");
        clickInCell(_get(Grid.class, spec -> spec.withId("commission-admin-grid")), 0, "actions", "memberships-MUT");
        Grid<MemberRow> grid = _get(Grid.class, spec -> spec.withId("membership-grid"));
        int before = _size(grid);
        ComboBox<PersonOption> person = _get(ComboBox.class, spec -> spec.withId("person"));
        String lastName = "Newmember" + System.nanoTime();
        PersonForm form = new PersonForm();
        form.setUsername(lastName.toLowerCase());
        form.setEmail(lastName.toLowerCase() + "@example.org");
        form.setFirstName("Nadia");
        form.setLastName(lastName);
        people.save(form);
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(person, lastName);
        PersonOption newcomer = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(person).stream()
                .filter(p -> p.displayName().equals("Nadia " + lastName)).findFirst().orElseThrow();
        _setValue(person, newcomer);
        _setValue((Select<CommissionRole>) _get(Select.class, spec -> spec.withId("role")), CommissionRole.OBSERVER);
        _click(_get(Button.class, spec -> spec.withId("add-membership")));
        assertThat(notifications()).contains("Membership added.");
        assertThat(_size(grid)).isEqualTo(before + 1);
        // the same person again is refused
        _setValue(person, newcomer);
        _click(_get(Button.class, spec -> spec.withId("add-membership")));
        assertThat(notifications()).anyMatch(n -> n.contains("already belongs"));
    }

    @Test
    void adding_without_choosing_a_person_is_explained() {
        signInAs("secretariat");
        navigate("admin/commissions");
        _setValue(_get(TextField.class, spec -> spec.withId("filter")), "Employment Policies");
        clickInCell(_get(Grid.class, spec -> spec.withId("commission-admin-grid")), 0, "actions", "memberships-EMP");
        _click(_get(Button.class, spec -> spec.withId("add-membership")));
        assertThat(_get(ComboBox.class, spec -> spec.withId("person")).isInvalid()).isTrue();
    }

    @Test
    void a_chair_cannot_open_the_commission_administration() {
        signInAs("chair-ict");
        navigate("admin/commissions");
        assertThat(refused()).isTrue();
        assertThat(_find(Grid.class, spec -> spec.withId("commission-admin-grid"))).isEmpty();
    }
}
