package org.issa.tcw.people;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.issa.tcw.base.UserText;
import org.issa.tcw.people.domain.Institution;
import org.issa.tcw.people.domain.InstitutionRepository;
import org.issa.tcw.people.domain.Person;
import org.issa.tcw.people.domain.PersonRepository;
import org.issa.tcw.security.ExternalIdentity;
import org.issa.tcw.security.InstitutionSignIn;
import org.issa.tcw.security.PersonDirectory;
import org.issa.tcw.security.PersonIdentity;
import org.issa.tcw.security.SignInRefusedException.Reason;
import org.issa.tcw.security.SignInRefusedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the security feature's questions about people (who is signing in, their language) and
 * provisions people from single sign-on tokens.
 */
@Component
class PersonDirectoryAdapter implements PersonDirectory {

    private static final Logger log = LoggerFactory.getLogger(PersonDirectoryAdapter.class);

    private final PersonRepository people;
    private final InstitutionRepository institutions;

    PersonDirectoryAdapter(PersonRepository people, InstitutionRepository institutions) {
        this.people = people;
        this.institutions = institutions;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonIdentity> findByUsername(String username) {
        return people.findByUsernameWithInstitution(username).map(PersonDirectoryAdapter::identity);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonIdentity> findBySubject(String subject) {
        return people.findBySubjectWithInstitution(subject).map(PersonDirectoryAdapter::identity);
    }

    @Override
    @Transactional
    public void rememberLocale(long personId, String languageTag) {
        people.updatePreferredLocale(personId, languageTag);
    }

    /**
     * Matching rules, strongest first: the subject; the username (Keycloak is the authority for
     * usernames, and brokered usernames carry the identity provider's alias, so a different subject
     * under the same username means the Keycloak user was re-created: relink); the e-mail address,
     * but only for a person not yet linked and only when the realm itself or the institution owning
     * the address's domain vouches for it — an institution's identity provider must not take over
     * someone else's record by asserting their address.
     */
    @Override
    @Transactional
    public PersonIdentity signedIn(ExternalIdentity identity) {
        String email = identity.email().trim().toLowerCase(Locale.ROOT);
        Institution viaProvider = identity.identityProvider() == null ? null
                : institutions.findByIdpAlias(identity.identityProvider()).orElse(null);
        if (identity.identityProvider() != null && viaProvider == null) {
            log.warn("Sign-in through identity provider '{}', which no institution has as its alias: {} gets no"
                    + " institution from it", identity.identityProvider(), identity.username());
        }
        Person person = people.findBySubjectWithInstitution(identity.subject())
                .or(() -> people.findByUsernameWithInstitution(identity.username()))
                .or(() -> people.findByEmailWithInstitution(email)
                        .filter(p -> p.getExternalSubject() == null && mayClaimEmail(identity, viaProvider, email)))
                .orElse(null);
        String[] names = names(identity);
        if (person == null) {
            Institution institution = viaProvider != null ? viaProvider : institutionOfDomain(email);
            refuseIfEmailTaken(email, -1, identity);
            person = new Person(identity.username(), email, names[0], names[1], institution);
            person.linkExternalSubject(identity.subject());
            person.recordGlobalRoles(identity.globalRoles());
            person = people.save(person);
            log.info("Created person {} ({}) at first sign-in{}", person.getUsername(), email,
                    institution == null ? "" : " for " + institution.getName());
            return identity(person);
        }
        if (!person.isActive()) {
            throw new SignInRefusedException(Reason.INACTIVE, "Person " + person.getUsername()
                    + " is deactivated in TC Workspace; sign-in of subject " + identity.subject() + " refused");
        }
        if (!identity.subject().equals(person.getExternalSubject())) {
            if (person.getExternalSubject() != null) {
                log.warn("Person {} was linked to subject {}, relinked to {} (Keycloak user re-created?)",
                        person.getUsername(), person.getExternalSubject(), identity.subject());
            }
            person.linkExternalSubject(identity.subject());
        }
        refuseIfEmailTaken(email, person.getId(), identity);
        Institution institution = viaProvider != null ? viaProvider : person.getInstitution();
        person.update(email, names[0], names[1], institution, true);
        if (person.recordGlobalRoles(identity.globalRoles())) {
            log.info("Global roles of {} are now {}", person.getUsername(), identity.globalRoles());
        }
        return identity(person);
    }

    @Override
    @Transactional
    public void recordGlobalRoles(String username, java.util.Set<String> globalRoles) {
        people.findByUsernameWithInstitution(username).ifPresent(p -> {
            if (p.recordGlobalRoles(globalRoles)) {
                log.info("Global roles of {} are now {}", username, globalRoles);
            }
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> identityProviderForEmail(String email) {
        String domain = domainOf(email);
        return domain == null ? Optional.empty()
                : institutions.findByEmailDomain(domain).map(Institution::getIdpAlias).filter(Objects::nonNull);
    }

    @Override
    @Transactional(readOnly = true)
    public List<InstitutionSignIn> institutionSignIns() {
        return institutions.findAllWithIdentityProvider().stream()
                .map(i -> new InstitutionSignIn(i.getName(), Objects.requireNonNull(i.getIdpAlias())))
                .toList();
    }

    private boolean mayClaimEmail(ExternalIdentity identity, @Nullable Institution viaProvider, String email) {
        if (identity.identityProvider() == null) {
            return true;
        }
        String domain = domainOf(email);
        return viaProvider != null && domain != null && viaProvider.getEmailDomains().contains(domain);
    }

    private void refuseIfEmailTaken(String email, long exceptId, ExternalIdentity identity) {
        if (people.emailTaken(email, exceptId)) {
            throw new SignInRefusedException(Reason.CONFLICT, "Sign-in of " + identity.username() + " (subject "
                    + identity.subject() + ") refused: e-mail " + email + " belongs to another person");
        }
    }

    private @Nullable Institution institutionOfDomain(String email) {
        String domain = domainOf(email);
        return domain == null ? null : institutions.findByEmailDomain(domain).orElse(null);
    }

    /** First name (or null) and last name: a person always has a last name, tokens need not. */
    private static String[] names(ExternalIdentity identity) {
        String first = blankToNull(identity.firstName());
        String last = blankToNull(identity.lastName());
        if (last == null) {
            return first == null ? new String[] {null, identity.username()} : new String[] {null, first};
        }
        return new String[] {first, last};
    }

    /** Names from a token cannot be refused: they are cleaned by the same rule typed names are checked by. */
    private static @Nullable String blankToNull(@Nullable String s) {
        String clean = UserText.sanitize(s);
        return clean.isEmpty() ? null : clean;
    }

    static @Nullable String domainOf(@Nullable String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        String domain = at < 0 ? "" : email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
        return domain.isEmpty() ? null : domain;
    }

    private static PersonIdentity identity(Person p) {
        return new PersonIdentity(p.getId(), p.getUsername(), p.getFirstName(), p.getLastName(),
                p.getInstitution() == null ? null : p.getInstitution().getName(), p.getPreferredLocale());
    }
}
