package org.issa.tcw.documents.consultation;

import static org.issa.tcw.base.Checks.require;

import java.util.List;
import org.issa.tcw.base.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact people of each member institution for consultations (a round sent to "all member
 * institutions" or to chosen ones reaches them): the secretariat and administrators list, add and
 * remove them. Who was consulted in a round that already opened stays as it was (ADR 063).
 */
@Service
@Transactional(readOnly = true)
public class ConsultationContacts {

    private final RoundStore store;

    ConsultationContacts(RoundStore store) {
        this.store = store;
    }

    /**
     * Every contact person, by institution and name.
     *
     * @throws AccessDeniedException for anyone but the secretariat and administrators
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public List<ContactRow> contacts() {
        return store.contacts();
    }

    /**
     * The active people who may be made contact people of the institution (its own people first).
     *
     * @throws AccessDeniedException for anyone but the secretariat and administrators
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public List<ConsultationService.AudienceOption> candidates(long institutionId) {
        return store.candidates(institutionId);
    }

    /**
     * Makes a person a contact person of an institution.
     *
     * @throws UserFacingException   if the institution or person is missing or unknown, the person
     *                               is inactive, or already a contact of the institution; nothing
     *                               is changed
     * @throws AccessDeniedException for anyone but the secretariat and administrators
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void add(@Nullable Long institutionId, @Nullable Long personId) {
        require(institutionId != null && personId != null, "consultation.contact.required");
        require(store.institutionExists(institutionId), "consultation.contact.unknown");
        Boolean active = store.personActive(personId);
        require(active != null, "consultation.contact.unknown");
        require(active, "consultation.contact.inactive");
        require(!store.isContact(institutionId, personId), "consultation.contact.duplicate");
        store.addContact(institutionId, personId);
    }

    /**
     * Removes a contact person from an institution (rounds already opened keep their participants).
     *
     * @throws UserFacingException   if the person is not a contact of the institution
     * @throws AccessDeniedException for anyone but the secretariat and administrators
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void remove(long institutionId, long personId) {
        require(store.removeContact(institutionId, personId), "consultation.contact.not-a-contact");
    }
}
