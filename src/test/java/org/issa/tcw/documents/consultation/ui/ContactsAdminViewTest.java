package org.issa.tcw.documents.consultation.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.documents.consultation.ConsultationContacts;
import org.issa.tcw.documents.consultation.ConsultationService.AudienceOption;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The secretariat's contact people screen: add (with its validation, in the reader's language) and
 * remove; a member is refused the screen and every call of the service.
 */
class ContactsAdminViewTest extends KaribuTest {

    @Autowired
    ConsultationContacts contacts;
    @Autowired
    JdbcTemplate jdbc;

    long count(long institution, long person) {
        return jdbc.queryForObject("select count(*) from consultation_contact where institution_id = ? and person_id = ?",
                Long.class, institution, person);
    }

    @Test
    void the_secretariat_adds_and_removes_a_contact_and_bad_input_is_explained() {
        long drv = jdbc.queryForObject("select id from institution where acronym = 'DRV'", Long.class);
        long observer = jdbc.queryForObject("select id from person where username = 'observer-ict'", Long.class);
        jdbc.update("delete from consultation_contact where institution_id = ? and person_id = ?", drv, observer);
        signInAs("secretariat");
        navigate("admin/consultation-contacts");
        ContactsAdminView view = _get(ContactsAdminView.class);
        int before = _size(view.grid);

        // nothing chosen: the service's message, nothing added
        _click(view.add);
        assertThat(notifications()).contains("Choose an institution and a person.");
        assertThat(_size(view.grid)).isEqualTo(before);

        AudienceOption institution = view.institution.getListDataView().getItems().filter(o -> o.id() == drv)
                .findFirst().orElseThrow();
        view.institution.setValue(institution);
        AudienceOption person = view.person.getListDataView().getItems().filter(o -> o.id() == observer)
                .findFirst().orElseThrow();
        view.person.setValue(person);
        _click(view.add);
        assertThat(count(drv, observer)).isOne();
        assertThat(_size(view.grid)).isEqualTo(before + 1);
        // no longer offered for this institution, and refused if asked again
        assertThat(view.person.getListDataView().getItems().map(AudienceOption::id)).doesNotContain(observer);
        assertThatThrownBy(() -> contacts.add(drv, observer)).isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.contact.duplicate");
        assertThatThrownBy(() -> contacts.add(drv, -1L)).isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.contact.unknown");

        int row = java.util.stream.IntStream.range(0, _size(view.grid))
                .filter(i -> view.grid.getListDataView().getItem(i).personId() == observer
                        && view.grid.getListDataView().getItem(i).institutionId() == drv)
                .findFirst().orElseThrow();
        clickInCell(view.grid, row, "actions", "contact-remove-" + drv + "-" + observer);
        confirm();
        assertThat(count(drv, observer)).isZero();
        assertThat(_size(view.grid)).isEqualTo(before);
        assertThatThrownBy(() -> contacts.remove(drv, observer)).isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.contact.not-a-contact");
    }

    @Test
    void the_french_secretariat_reads_the_message_in_french() {
        signInAs("secretariat");
        navigate("admin/consultation-contacts");
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.FRENCH);
        navigate("admin/consultation-contacts");
        _click(_get(ContactsAdminView.class).add);
        assertThat(notifications()).contains("Choisissez une institution et une personne.");
    }

    @Test
    void a_member_is_refused_the_screen_and_the_service() {
        long drv = jdbc.queryForObject("select id from institution where acronym = 'DRV'", Long.class);
        long fam = jdbc.queryForObject("select id from person where username = 'member-fam'", Long.class);
        signInAs("member-ict");
        navigate("admin/consultation-contacts");
        assertThat(refused()).isTrue();
        long rows = jdbc.queryForObject("select count(*) from consultation_contact", Long.class);
        assertThatThrownBy(() -> contacts.contacts()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.candidates(drv)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.add(drv, fam)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.remove(drv, fam)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from consultation_contact", Long.class)).isEqualTo(rows);
    }
}
