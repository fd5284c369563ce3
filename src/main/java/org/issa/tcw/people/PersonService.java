package org.issa.tcw.people;

import static org.issa.tcw.base.Checks.require;

import java.util.List;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.FormValidation;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UsageCheck;
import org.issa.tcw.base.Versions;
import org.issa.tcw.people.domain.Institution;
import org.issa.tcw.people.domain.InstitutionRepository;
import org.issa.tcw.people.domain.Person;
import org.issa.tcw.people.domain.PersonRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people who use the workspace; administrators and the secretariat manage them. */
@Service
@Transactional(readOnly = true)
public class PersonService {

    private final PersonRepository people;
    private final InstitutionRepository institutions;
    private final List<UsageCheck> usageChecks;

    PersonService(PersonRepository people, InstitutionRepository institutions, List<UsageCheck> usageChecks) {
        this.people = people;
        this.institutions = institutions;
        this.usageChecks = usageChecks;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public List<PersonRow> page(String filter, Pageable pageable) {
        return people.search(InstitutionService.normalize(filter), pageable).stream().map(PersonService::row).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public long count(String filter) {
        return people.countSearch(InstitutionService.normalize(filter));
    }

    /** People matching a name, for choosing one in a form (at most {@code limit}). */
    @PreAuthorize("isAuthenticated()")
    public List<PersonOption> options(String filter, int offset, int limit) {
        Pageable page = PageRequest.of(offset / Math.max(1, limit), Math.max(1, limit),
                Sort.by("lastName", "firstName"));
        return people.search(InstitutionService.normalize(filter), page).stream()
                .filter(Person::isActive)
                .map(p -> new PersonOption(p.getId(), p.displayName(),
                        p.getInstitution() == null ? null : p.getInstitution().getName()))
                .toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public PersonForm load(long id) {
        Person p = people.findById(id).orElseThrow(NotFoundException::new);
        PersonForm form = new PersonForm();
        form.setId(p.getId());
        form.setVersion(p.getVersion());
        form.setUsername(p.getUsername());
        form.setEmail(p.getEmail());
        form.setFirstName(p.getFirstName());
        form.setLastName(p.getLastName());
        form.setInstitutionId(p.getInstitution() == null ? null : p.getInstitution().getId());
        form.setActive(p.isActive());
        return form;
    }

    /**
     * Creates or updates a person.
     *
     * @return the person's id
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public long save(PersonForm form) {
        FormValidation.validate(form);
        long exceptId = form.getId() == null ? -1 : form.getId();
        require(!people.usernameTaken(form.getUsername().trim(), exceptId), "person.username.taken");
        require(!people.emailTaken(form.getEmail().trim(), exceptId), "person.email.taken");
        Institution institution = form.getInstitutionId() == null ? null
                : institutions.findById(form.getInstitutionId()).orElseThrow(NotFoundException::new);
        Person person;
        if (form.getId() == null) {
            person = new Person(form.getUsername(), form.getEmail(), form.getFirstName(), form.getLastName(),
                    institution);
        } else {
            person = people.findById(form.getId()).orElseThrow(NotFoundException::new);
            Versions.requireUnchanged(person.getVersion(), form.getVersion());
            require(person.getUsername().equals(form.getUsername().trim()), "person.username.fixed");
        }
        person.update(form.getEmail(), form.getFirstName(), form.getLastName(), institution, form.isActive());
        return people.saveAndFlush(person).getId();
    }

    /**
     * Deletes a person who holds nothing any more.
     *
     * @throws org.issa.tcw.base.StillInUseException if, for example, memberships still refer to them
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void delete(long id) {
        Person person = people.findById(id).orElseThrow(NotFoundException::new);
        UsageCheck.requireUnused(usageChecks, "person", id);
        people.delete(person);
    }

    /** Names, institutions and countries of the given people, in one query (for lists in other features). */
    @PreAuthorize("isAuthenticated()")
    public java.util.Map<Long, PersonSummary> summaries(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, PersonSummary> result = new java.util.HashMap<>();
        for (Person p : people.findAllWithInstitution(ids)) {
            Institution i = p.getInstitution();
            result.put(p.getId(), new PersonSummary(p.getId(), p.displayName(), i == null ? null : i.getName(),
                    i == null ? null : i.getCountryCode()));
        }
        return result;
    }

    /** Usernames of the given people, in one query (discussions write mentions as {@code @username}). */
    @PreAuthorize("isAuthenticated()")
    public java.util.Map<Long, String> usernames(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, String> result = new java.util.HashMap<>();
        for (Person p : people.findAllWithInstitution(ids)) {
            result.put(p.getId(), p.getUsername());
        }
        return result;
    }

    /** The active staff (admin, secretariat) by name, in one query (e.g. discussions offer them for mentions). */
    @PreAuthorize("isAuthenticated()")
    public List<StaffMember> activeStaff() {
        java.util.Map<Long, StaffMember> byId = new java.util.LinkedHashMap<>();
        for (Object[] row : people.activeStaff()) {
            long id = (Long) row[0];
            String first = (String) row[2];
            String name = first == null || first.isBlank() ? (String) row[3] : first + " " + row[3];
            StaffMember known = byId.get(id);
            java.util.Set<String> roles = new java.util.HashSet<>(known == null ? java.util.Set.of()
                    : known.globalRoles());
            roles.add((String) row[4]);
            byId.put(id, new StaffMember(id, (String) row[1], name, roles));
        }
        return List.copyOf(byId.values());
    }

    private static PersonRow row(Person p) {
        Institution i = p.getInstitution();
        return new PersonRow(p.getId(), p.getUsername(), p.displayName(), p.getEmail(),
                i == null ? null : i.getName(), i == null ? null : i.getCountryCode(), p.isActive());
    }
}
