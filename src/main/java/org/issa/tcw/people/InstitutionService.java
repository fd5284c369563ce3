package org.issa.tcw.people;

import static org.issa.tcw.base.Checks.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.FormValidation;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.StillInUseException;
import org.issa.tcw.base.UsageCheck;
import org.issa.tcw.base.Versions;
import org.issa.tcw.people.domain.Institution;
import org.issa.tcw.people.domain.InstitutionRepository;
import org.issa.tcw.people.domain.PersonRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member institutions. Only administrators manage them (they carry identity-provider links); the
 * secretariat may look.
 */
@Service
@Transactional(readOnly = true)
public class InstitutionService {

    private final InstitutionRepository institutions;
    private final PersonRepository people;
    private final List<UsageCheck> usageChecks;

    InstitutionService(InstitutionRepository institutions, PersonRepository people, List<UsageCheck> usageChecks) {
        this.institutions = institutions;
        this.people = people;
        this.usageChecks = usageChecks;
    }

    /** A page of institutions whose name, acronym or country code matches the filter. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public List<InstitutionRow> page(String filter, Pageable pageable) {
        Page<Institution> page = institutions.search(normalize(filter), pageable);
        List<Long> ids = page.stream().map(Institution::getId).toList();
        Map<Long, List<String>> domains = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : institutions.emailDomains(ids)) {
                domains.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
            }
        }
        return page.stream().map(i -> new InstitutionRow(i.getId(), i.getName(), i.getAcronym(), i.getCountryCode(),
                i.getRegion(), i.getMembershipType(), domains.getOrDefault(i.getId(), List.of()).stream().sorted().toList(),
                i.getIdpAlias())).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public long count(String filter) {
        return institutions.countSearch(normalize(filter));
    }

    /** Every institution, by name, for choosing one in a form. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public List<InstitutionOption> options() {
        return institutions.findAllByOrderByNameAsc().stream()
                .map(i -> new InstitutionOption(i.getId(), i.getName(), i.getCountryCode())).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public InstitutionForm load(long id) {
        Institution i = institutions.findById(id).orElseThrow(NotFoundException::new);
        InstitutionForm form = new InstitutionForm();
        form.setId(i.getId());
        form.setVersion(i.getVersion());
        form.setName(i.getName());
        form.setAcronym(i.getAcronym());
        form.setCountryCode(i.getCountryCode());
        form.setRegion(i.getRegion());
        form.setMembershipType(i.getMembershipType());
        form.setEmailDomains(String.join(", ", i.getEmailDomains().stream().sorted().toList()));
        form.setIdpAlias(i.getIdpAlias());
        return form;
    }

    /**
     * Creates or updates an institution.
     *
     * @return the institution's id
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long save(InstitutionForm form) {
        FormValidation.validate(form);
        // beyond the form's two-letter shape: a code ISO 3166 knows
        require(Checks.isCountryCode(form.getCountryCode()), "institution.country.invalid");
        long exceptId = form.getId() == null ? -1 : form.getId();
        require(!institutions.nameTaken(form.getName().trim(), exceptId), "institution.name.taken");
        require(form.getIdpAlias().isBlank() || !institutions.idpAliasTaken(form.getIdpAlias().trim(), exceptId),
                "institution.idp-alias.taken");
        for (String domain : form.emailDomainList()) {
            require(Checks.isDomain(domain), "institution.domain.invalid", domain);
            List<String> holders = institutions.holdersOfDomain(domain, exceptId);
            require(holders.isEmpty(), "institution.domain.taken", domain, holders.isEmpty() ? "" : holders.get(0));
        }
        Institution institution;
        if (form.getId() == null) {
            institution = new Institution(form.getName(), form.getCountryCode(), Objects.requireNonNull(form.getRegion()),
                    form.getMembershipType());
        } else {
            institution = institutions.findById(form.getId()).orElseThrow(NotFoundException::new);
            Versions.requireUnchanged(institution.getVersion(), form.getVersion());
        }
        institution.update(form.getName(), form.getAcronym(), form.getCountryCode(),
                Objects.requireNonNull(form.getRegion()),
                form.getMembershipType(), form.getIdpAlias(), form.emailDomainList());
        return institutions.saveAndFlush(institution).getId();
    }

    /**
     * Deletes an institution nobody acts for any more.
     *
     * @throws StillInUseException if people still belong to it
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void delete(long id) {
        Institution institution = institutions.findById(id).orElseThrow(NotFoundException::new);
        long members = people.countByInstitutionId(id);
        if (members > 0) {
            throw new StillInUseException("institution.delete.in-use", members);
        }
        UsageCheck.requireUnused(usageChecks, "institution", id);
        institutions.delete(institution);
    }

    static String normalize(String filter) {
        return filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
    }
}
