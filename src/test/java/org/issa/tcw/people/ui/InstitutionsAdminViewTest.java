package org.issa.tcw.people.ui;

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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.issa.tcw.people.InstitutionForm;
import org.issa.tcw.people.InstitutionService;
import org.issa.tcw.people.Region;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InstitutionsAdminViewTest extends KaribuTest {

    @Autowired
    InstitutionService institutions;

    @SuppressWarnings("unchecked")
    private void fillAndSave(String name, String country, String domains) {
        _click(_get(Button.class, spec -> spec.withId("new-institution")));
        _setValue(_get(TextField.class, spec -> spec.withId("name")), name);
        _setValue(_get(TextField.class, spec -> spec.withId("country")), country);
        _setValue((ComboBox<Region>) _get(ComboBox.class, spec -> spec.withId("region")), Region.AFRICA);
        _setValue(_get(TextArea.class, spec -> spec.withId("domains")), domains);
        _click(_get(Button.class, spec -> spec.withId("save")));
    }

    @Test
    void admin_adds_an_institution_and_finds_it_in_the_grid() {
        signInAs("admin");
        navigate("admin/institutions");
        String name = "Caisse nationale de sécurité sociale du Cameroun " + System.nanoTime();
        fillAndSave(name, "CM", "cnps-" + System.nanoTime() + ".cm");
        assertThat(notifications()).contains("Saved.");
        assertThat(_find(Dialog.class)).isEmpty();
        _setValue(_get(TextField.class, spec -> spec.withId("filter")), name);
        assertThat(_size(_get(Grid.class, spec -> spec.withId("institution-grid")))).isEqualTo(1);
    }

    @Test
    void an_invalid_form_shows_messages_and_saves_nothing() {
        signInAs("admin");
        navigate("admin/institutions");
        long before = countAll();
        fillAndSave("", "C1", "");
        assertThat(_get(TextField.class, spec -> spec.withId("name")).isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("country")).getErrorMessage())
                .contains("valid two-letter country code");
        _get(Dialog.class);
        assertThat(countAll()).isEqualTo(before);
    }

    @Test
    void a_domain_owned_by_another_institution_is_refused_by_the_server_in_the_users_language() {
        signInAs("admin");
        navigate("admin/institutions");
        fillAndSave("Duplicate domain " + System.nanoTime(), "KE", "nssf.or.ke");
        assertThat(notifications()).anyMatch(n -> n.contains("nssf.or.ke") && n.contains("National Social Security Fund"));
        _get(Dialog.class);
    }

    @Test
    void the_secretariat_may_look_but_not_edit() {
        signInAs("secretariat");
        navigate("admin/institutions");
        assertThat(_find(Button.class, spec -> spec.withId("new-institution"))).isEmpty();
        assertThat(_size(_get(Grid.class, spec -> spec.withId("institution-grid")))).isGreaterThanOrEqualTo(40);
    }

    @Test
    void commission_members_cannot_open_the_administration() {
        signInAs("member-fam");
        navigate("admin/institutions");
        assertThat(refused()).isTrue();
        assertThat(_find(Grid.class, spec -> spec.withId("institution-grid"))).isEmpty();
    }

    @Test
    void an_edit_based_on_a_stale_version_gets_a_friendly_conflict_message() {
        signIn.as("admin");
        InstitutionForm form = new InstitutionForm();
        form.setName("Conflict institution " + System.nanoTime());
        form.setCountryCode("FR");
        form.setRegion(Region.EUROPE);
        long id = institutions.save(form);
        signInAs("admin");
        navigate("admin/institutions");
        InstitutionsAdminView view = _get(InstitutionsAdminView.class);
        view.edit(institutions.load(id));
        // meanwhile someone else saves the same institution
        InstitutionForm other = institutions.load(id);
        other.setAcronym("OTHER");
        institutions.save(other);
        _setValue(_get(TextField.class, spec -> spec.withId("acronym")), "MINE");
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(notifications()).anyMatch(n -> n.startsWith("Someone else changed this record"));
        assertThat(institutions.load(id).getAcronym()).isEqualTo("OTHER");
    }

    private long countAll() {
        return institutions.count("");
    }
}
