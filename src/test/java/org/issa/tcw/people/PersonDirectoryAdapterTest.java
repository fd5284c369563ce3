package org.issa.tcw.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.issa.tcw.people.domain.PersonRepository;
import org.issa.tcw.security.ExternalIdentity;
import org.issa.tcw.security.InstitutionSignIn;
import org.issa.tcw.security.PersonDirectory;
import org.issa.tcw.security.PersonIdentity;
import org.issa.tcw.security.Roles;
import org.issa.tcw.security.SignInRefusedException;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Just-in-time provisioning of people from single sign-on identities. */
@SpringTest
class PersonDirectoryAdapterTest {

    static final String INSS = "National Social Security Institute (Brazil)";

    @Autowired
    PersonDirectory directory;

    @Autowired
    PersonRepository people;

    @Autowired
    AuthenticationConfiguration authentication;

    TransactionTemplate tx;

    @Autowired
    void transactions(PlatformTransactionManager transactions) {
        tx = new TransactionTemplate(transactions);
    }

    @Test
    void first_sign_in_through_an_institution_creates_the_person_with_that_institution() {
        PersonIdentity created = directory.signedIn(new ExternalIdentity("sub-jit-1", "inss-br.rita.alves",
                "Rita.Alves@inss.gov.br", "Rita", "Alves", "inss-br", java.util.Set.of()));

        assertThat(created.username()).isEqualTo("inss-br.rita.alves");
        assertThat(created.displayName()).isEqualTo("Rita Alves");
        assertThat(created.institutionName()).isEqualTo(INSS);
        var stored = people.findBySubjectWithInstitution("sub-jit-1").orElseThrow();
        assertThat(stored.getEmail()).isEqualTo("rita.alves@inss.gov.br");
        assertThat(directory.findBySubject("sub-jit-1")).contains(created);
    }

    @Test
    void a_later_sign_in_updates_names_and_e_mail_but_keeps_the_person() {
        PersonIdentity first = directory.signedIn(new ExternalIdentity("sub-jit-2", "drv-bund.karl.weber",
                "karl.weber@drv-bund.de", "Karl", "Weber", "drv-bund", java.util.Set.of()));
        PersonIdentity again = directory.signedIn(new ExternalIdentity("sub-jit-2", "drv-bund.karl.weber",
                "k.weber@drv-bund.de", "Karl-Heinz", "Weber", "drv-bund", java.util.Set.of()));

        assertThat(again.personId()).isEqualTo(first.personId());
        assertThat(again.displayName()).isEqualTo("Karl-Heinz Weber");
        assertThat(people.findById(first.personId()).orElseThrow().getEmail()).isEqualTo("k.weber@drv-bund.de");
        assertThat(again.institutionName()).isEqualTo("Deutsche Rentenversicherung Bund");
    }

    @Test
    void a_realm_user_is_linked_to_the_demo_person_with_the_same_username_and_keeps_its_institution() {
        PersonIdentity linked = directory.signedIn(new ExternalIdentity("sub-jit-3", "observer-ict",
                "sophie.tremblay@esdc.gc.ca", "Sophie", "Tremblay", null, java.util.Set.of()));

        assertThat(linked.personId()).isEqualTo(directory.findByUsername("observer-ict").orElseThrow().personId());
        assertThat(linked.institutionName()).isEqualTo("Employment and Social Development Canada");
        assertThat(directory.findBySubject("sub-jit-3")).isPresent();
    }

    @Test
    void an_institution_cannot_take_over_a_person_by_asserting_an_address_of_another_domain() {
        // claire.dubois@tcw-secretariat.org is the secretariat's demo person, not linked yet
        assertThatThrownBy(() -> directory.signedIn(new ExternalIdentity("sub-jit-4", "inss-br.intruder",
                "claire.dubois@tcw-secretariat.org", "Claire", "Dubois", "inss-br", java.util.Set.of())))
                .isInstanceOf(SignInRefusedException.class)
                .extracting(e -> ((SignInRefusedException) e).reason())
                .isEqualTo(SignInRefusedException.Reason.CONFLICT);
        assertThat(directory.findBySubject("sub-jit-4")).isEmpty();
        assertThat(directory.findByUsername("inss-br.intruder")).isEmpty();
    }

    @Test
    void a_deactivated_person_is_refused() {
        PersonIdentity person = directory.signedIn(new ExternalIdentity("sub-jit-5", "inss-br.leaver",
                "leaver@inss.gov.br", "Lea", "Ver", "inss-br", java.util.Set.of()));
        var entity = people.findById(person.personId()).orElseThrow();
        entity.update(entity.getEmail(), entity.getFirstName(), entity.getLastName(), entity.getInstitution(), false);
        people.saveAndFlush(entity);

        assertThatThrownBy(() -> directory.signedIn(new ExternalIdentity("sub-jit-5", "inss-br.leaver",
                "leaver@inss.gov.br", "Lea", "Ver", "inss-br", java.util.Set.of())))
                .isInstanceOf(SignInRefusedException.class)
                .extracting(e -> ((SignInRefusedException) e).reason())
                .isEqualTo(SignInRefusedException.Reason.INACTIVE);
    }

    @Test
    void a_person_without_last_name_is_named_by_the_first_name() {
        PersonIdentity person = directory.signedIn(new ExternalIdentity("sub-jit-6", "inss-br.bia", "bia@inss.gov.br",
                "Bia", null, "inss-br", java.util.Set.of()));
        assertThat(person.displayName()).isEqualTo("Bia");
    }

    @Test
    void a_new_realm_user_gets_the_institution_owning_the_e_mail_domain() {
        PersonIdentity person = directory.signedIn(new ExternalIdentity("sub-jit-7", "new.staffer",
                "new.staffer@cnss.ma", "Nadia", "Staffer", null, java.util.Set.of()));
        assertThat(person.institutionName()).isEqualTo("Caisse nationale de sécurité sociale (Maroc)");
    }

    @Test
    void every_single_sign_on_records_the_global_roles_and_a_role_removed_in_keycloak_disappears() {
        var staffer = new ExternalIdentity("sub-jit-8", "roles.staffer", "roles.staffer@tcw-secretariat.org", "Rolf",
                "Staffer", null, java.util.Set.of(Roles.SECRETARIAT, Roles.ADMIN));
        long id = directory.signedIn(staffer).personId();
        assertThat(rolesOf(id)).containsExactlyInAnyOrder(Roles.SECRETARIAT, Roles.ADMIN);
        assertThat(people.activeStaff()).anyMatch(r -> (Long) r[0] == id);
        Long version = tx.execute(s -> people.findById(id).orElseThrow().getVersion());

        directory.signedIn(new ExternalIdentity("sub-jit-8", "roles.staffer", "roles.staffer@tcw-secretariat.org",
                "Rolf", "Staffer", null, java.util.Set.of(Roles.SECRETARIAT)));
        assertThat(rolesOf(id)).containsExactly(Roles.SECRETARIAT);
        assertThat((Long) tx.execute(s -> people.findById(id).orElseThrow().getVersion()))
                .as("a sign-in does not make an administrator's open form conflict").isEqualTo(version);

        directory.signedIn(new ExternalIdentity("sub-jit-8", "roles.staffer", "roles.staffer@tcw-secretariat.org",
                "Rolf", "Staffer", null, java.util.Set.of()));
        assertThat(rolesOf(id)).isEmpty();
        assertThat(people.activeStaff()).noneMatch(r -> (Long) r[0] == id);
    }

    @Test
    void a_local_demo_sign_in_records_the_accounts_global_roles() throws Exception {
        directory.recordGlobalRoles("admin", java.util.Set.of());
        long admin = directory.findByUsername("admin").orElseThrow().personId();
        assertThat(rolesOf(admin)).isEmpty();
        authentication.getAuthenticationManager().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("admin", "demo"));
        assertThat(rolesOf(admin)).containsExactly(Roles.ADMIN);
    }

    @Test
    void the_demo_staff_are_known_before_they_sign_in() {
        long secretariat = directory.findByUsername("secretariat").orElseThrow().personId();
        long chair = directory.findByUsername("chair-ict").orElseThrow().personId();
        assertThat(rolesOf(secretariat)).containsExactly(Roles.SECRETARIAT);
        assertThat(rolesOf(chair)).isEmpty();
    }

    private java.util.Set<String> rolesOf(long personId) {
        return tx.execute(s -> people.findById(personId).orElseThrow().getGlobalRoles());
    }

    @Test
    void an_e_mail_domain_leads_to_its_institutions_identity_provider() {
        assertThat(directory.identityProviderForEmail("someone@DRV-BUND.de")).contains("drv-bund");
        assertThat(directory.identityProviderForEmail("someone@nssf.or.ke")).isEmpty();
        assertThat(directory.identityProviderForEmail("no-address")).isEmpty();
    }

    @Test
    void the_institutions_with_their_own_identity_provider_are_offered_by_name() {
        assertThat(directory.institutionSignIns()).extracting(InstitutionSignIn::identityProvider)
                .containsExactly("cnss-ma", "drv-bund", "inss-br");
    }
}
