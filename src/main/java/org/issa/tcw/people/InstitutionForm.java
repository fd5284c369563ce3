package org.issa.tcw.people;

import java.util.ArrayList;
import java.util.List;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.issa.tcw.base.TextRule;
import org.issa.tcw.base.UserText;
import org.jspecify.annotations.Nullable;

/**
 * What the institution form edits. {@code id} is null for a new institution; {@code version} is
 * the version the form was loaded with, so a concurrent change is detected on save.
 */
public class InstitutionForm {

    private @Nullable Long id;
    private long version;
    @TextRule(field = "institution.name", max = 200)
    private String name = "";
    @TextRule(field = "institution.acronym", max = 30, required = false)
    private String acronym = "";
    @Pattern(regexp = "[A-Za-z]{2}", message = "institution.country.invalid")
    private String countryCode = "";
    @NotNull(message = "validation.required|institution.region")
    private @Nullable Region region;
    private MembershipType membershipType = MembershipType.AFFILIATE;
    private String emailDomains = "";
    @TextRule(field = "institution.idp-alias", max = 60, required = false)
    @Pattern(regexp = "([a-z0-9][a-z0-9-]*)?", message = "institution.idp-alias.invalid")
    private String idpAlias = "";

    public @Nullable Long getId() {
        return id;
    }

    public void setId(@Nullable Long id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = UserText.normalize(name, true);
    }

    public String getAcronym() {
        return acronym;
    }

    public void setAcronym(@Nullable String acronym) {
        this.acronym = UserText.normalize(acronym, true);
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(@Nullable String countryCode) {
        this.countryCode = UserText.normalize(countryCode, true);
    }

    public @Nullable Region getRegion() {
        return region;
    }

    public void setRegion(@Nullable Region region) {
        this.region = region;
    }

    public MembershipType getMembershipType() {
        return membershipType;
    }

    public void setMembershipType(@Nullable MembershipType membershipType) {
        this.membershipType = membershipType == null ? MembershipType.AFFILIATE : membershipType;
    }

    /** E-mail domains separated by commas, spaces or new lines. */
    public String getEmailDomains() {
        return emailDomains;
    }

    public void setEmailDomains(@Nullable String emailDomains) {
        this.emailDomains = emailDomains == null ? "" : emailDomains;
    }

    public List<String> emailDomainList() {
        List<String> result = new ArrayList<>();
        for (String d : emailDomains.split("[,;\\s]+")) {
            if (!d.isBlank()) {
                result.add(d.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return result;
    }

    public String getIdpAlias() {
        return idpAlias;
    }

    public void setIdpAlias(@Nullable String idpAlias) {
        this.idpAlias = UserText.normalize(idpAlias, true);
    }
}
