package org.issa.tcw.people;

import java.util.Optional;
import org.issa.tcw.people.domain.PersonRepository;
import org.issa.tcw.security.PersonDirectory;
import org.issa.tcw.security.PersonIdentity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the security feature's questions about people (who is signing in, their language). */
@Component
class PersonDirectoryAdapter implements PersonDirectory {

    private final PersonRepository people;

    PersonDirectoryAdapter(PersonRepository people) {
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonIdentity> findByUsername(String username) {
        return people.findByUsernameWithInstitution(username)
                .map(p -> new PersonIdentity(p.getId(), p.getUsername(), p.getFirstName(), p.getLastName(),
                        p.getInstitution() == null ? null : p.getInstitution().getName(), p.getPreferredLocale()));
    }

    @Override
    @Transactional
    public void rememberLocale(long personId, String languageTag) {
        people.updatePreferredLocale(personId, languageTag);
    }
}
