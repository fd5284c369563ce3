package org.issa.tcw.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.issa.tcw.base.ConcurrentEditException;
import org.issa.tcw.base.StillInUseException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

@SpringTest
class InstitutionServiceTest {

    @Autowired
    InstitutionService institutions;
    @Autowired
    PersonService people;
    @Autowired
    SignIn signIn;

    @BeforeEach
    void admin() {
        signIn.as("admin");
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private InstitutionForm form(String name) {
        InstitutionForm form = new InstitutionForm();
        form.setName(name);
        form.setCountryCode("pt");
        form.setRegion(Region.EUROPE);
        form.setEmailDomains("seg-social-" + Math.abs(name.hashCode()) + ".pt, Example-" + Math.abs(name.hashCode()) + ".PT");
        return form;
    }

    @Test
    void admin_creates_an_institution_with_normalised_domains_and_finds_it() {
        String name = "Instituto da Segurança Social " + System.nanoTime();
        long id = institutions.save(form(name));
        InstitutionForm loaded = institutions.load(id);
        assertThat(loaded.getCountryCode()).isEqualTo("PT");
        assertThat(loaded.getEmailDomains()).contains("example-").doesNotContain("PT");
        assertThat(institutions.page(name.substring(0, 30).toUpperCase(), PageRequest.of(0, 50)))
                .extracting(InstitutionRow::name).contains(name);
    }

    @Test
    void bad_input_is_refused_with_a_reason_and_changes_nothing() {
        long before = institutions.count("");
        InstitutionForm noCountry = form("Nowhere " + System.nanoTime());
        noCountry.setCountryCode("XX");
        assertThatThrownBy(() -> institutions.save(noCountry)).hasMessageContaining("institution.country.invalid");
        InstitutionForm badDomain = form("Bad domain " + System.nanoTime());
        badDomain.setEmailDomains("not a domain");
        assertThatThrownBy(() -> institutions.save(badDomain)).hasMessageContaining("institution.domain.invalid");
        InstitutionForm takenDomain = form("Taken domain " + System.nanoTime());
        takenDomain.setEmailDomains("inss.gov.br");
        assertThatThrownBy(() -> institutions.save(takenDomain)).hasMessageContaining("institution.domain.taken");
        InstitutionForm badAlias = form("Bad alias " + System.nanoTime());
        badAlias.setIdpAlias("Has Spaces");
        assertThatThrownBy(() -> institutions.save(badAlias)).hasMessageContaining("institution.idp-alias.invalid");
        assertThat(institutions.count("")).isEqualTo(before);
    }

    @Test
    void two_admins_editing_the_same_institution_get_a_conflict_not_a_lost_update() {
        long id = institutions.save(form("Conflict " + System.nanoTime()));
        InstitutionForm first = institutions.load(id);
        InstitutionForm second = institutions.load(id);
        first.setAcronym("ONE");
        institutions.save(first);
        second.setAcronym("TWO");
        assertThatThrownBy(() -> institutions.save(second)).isInstanceOf(ConcurrentEditException.class);
        assertThat(institutions.load(id).getAcronym()).isEqualTo("ONE");
    }

    @Test
    void an_institution_people_act_for_cannot_be_deleted() {
        long id = institutions.save(form("In use " + System.nanoTime()));
        PersonForm person = new PersonForm();
        String unique = "p" + System.nanoTime();
        person.setUsername(unique);
        person.setEmail(unique + "@example.org");
        person.setLastName("Member");
        person.setInstitutionId(id);
        people.save(person);
        assertThatThrownBy(() -> institutions.delete(id)).isInstanceOf(StillInUseException.class)
                .extracting(e -> ((UserFacingException) e).arguments()[0]).isEqualTo(1L);
    }

    @Test
    void an_unused_institution_can_be_deleted() {
        long id = institutions.save(form("Unused " + System.nanoTime()));
        institutions.delete(id);
        assertThatThrownBy(() -> institutions.load(id)).hasMessageContaining("error.not-found");
    }
}
