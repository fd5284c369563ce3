package org.issa.tcw.people.domain;

import java.time.Instant;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.issa.tcw.base.search.SearchFields;
import org.issa.tcw.base.search.SearchKind;
import org.issa.tcw.base.search.SearchText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.issa.tcw.people.MembershipType;
import org.issa.tcw.people.Region;
import org.jspecify.annotations.Nullable;

/** A member institution of the association, possibly with its own identity provider. */
@Entity
@Indexed
@SearchKind(value = "INSTITUTION", commissionScoped = false)
@Table(name = "institution")
public class Institution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @SearchText(SearchFields.TITLE)
    @Column(nullable = false)
    private String name;

    private @Nullable String acronym;

    @Column(name = "country_code", nullable = false, length = 2)
    private String countryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Region region;

    @Enumerated(EnumType.STRING)
    @Column(name = "membership_type", nullable = false)
    private MembershipType membershipType;

    @Column(name = "idp_alias")
    private @Nullable String idpAlias;

    @ElementCollection
    @CollectionTable(name = "institution_email_domain", joinColumns = @JoinColumn(name = "institution_id"))
    @Column(name = "domain")
    private Set<String> emailDomains = new TreeSet<>();

    @Version
    private long version;

    protected Institution() {
    }

    public Institution(String name, String countryCode, Region region, MembershipType membershipType) {
        update(name, null, countryCode, region, membershipType, null, Set.of());
    }

    /** Changes every editable attribute at once; the caller has validated them. */
    public void update(String name, @Nullable String acronym, String countryCode, Region region,
            MembershipType membershipType, @Nullable String idpAlias, Collection<String> emailDomains) {
        this.name = name.trim();
        this.acronym = blankToNull(acronym);
        this.countryCode = countryCode.trim().toUpperCase(Locale.ROOT);
        this.region = region;
        this.membershipType = membershipType;
        this.idpAlias = blankToNull(idpAlias);
        this.emailDomains.clear();
        emailDomains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
                .forEach(this.emailDomains::add);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getAcronym() {
        return acronym;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public Region getRegion() {
        return region;
    }

    public MembershipType getMembershipType() {
        return membershipType;
    }

    public @Nullable String getIdpAlias() {
        return idpAlias;
    }

    public Set<String> getEmailDomains() {
        return Set.copyOf(emailDomains);
    }

    public long getVersion() {
        return version;
    }

    /** The acronym and country search finds the institution by. */
    @SearchText(SearchFields.BODY)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "acronym")),
        @ObjectPath(@PropertyValue(propertyName = "countryCode"))})
    public String getSearchDetails() {
        return (acronym == null ? "" : acronym + " ") + countryCode;
    }

    /**
     * No date, but the field declared: the search's date facet, filter and sort span every kind, and
     * Elasticsearch/OpenSearch refuses a date range on an index that does not map the field (ADR 074).
     */
    @GenericField(name = SearchFields.DATE, sortable = Sortable.YES, aggregable = Aggregable.YES,
        projectable = Projectable.YES)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public @Nullable Instant getSearchDate() {
        return null;
    }
}
