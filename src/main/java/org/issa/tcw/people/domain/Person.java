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
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.hibernate.annotations.OptimisticLock;
import org.jspecify.annotations.Nullable;

/** Someone who uses the workspace, usually on behalf of a member institution. */
@Entity
@Indexed
@SearchKind(value = "PERSON", commissionScoped = false)
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "external_subject")
    private @Nullable String externalSubject;

    @Column(nullable = false)
    private String email;

    @Column(name = "first_name")
    private @Nullable String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "institution_id")
    private @Nullable Institution institution;

    @Column(name = "preferred_locale")
    private @Nullable String preferredLocale;

    private boolean active = true;

    /**
     * Global roles ({@code ADMIN}, {@code SECRETARIAT}) as of the last sign-in. Recorded by the
     * sign-in, not edited: excluded from optimistic locking so a sign-in never makes an
     * administrator's open form conflict.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "person_global_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role", nullable = false)
    @OptimisticLock(excluded = true)
    private Set<String> globalRoles = new HashSet<>();

    @Version
    private long version;

    protected Person() {
    }

    public Person(String username, String email, @Nullable String firstName, String lastName,
            @Nullable Institution institution) {
        this.username = username.trim();
        update(email, firstName, lastName, institution, true);
    }

    public void update(String email, @Nullable String firstName, String lastName, @Nullable Institution institution,
            boolean active) {
        this.email = email.trim().toLowerCase(Locale.ROOT);
        this.firstName = firstName == null || firstName.isBlank() ? null : firstName.trim();
        this.lastName = lastName.trim();
        this.institution = institution;
        this.active = active;
    }

    public void setPreferredLocale(@Nullable String languageTag) {
        this.preferredLocale = languageTag;
    }

    public void linkExternalSubject(String subject) {
        this.externalSubject = subject;
    }

    /**
     * Replaces the global roles with those the sign-in asserted.
     *
     * @return whether they changed
     */
    public boolean recordGlobalRoles(Collection<String> roles) {
        Set<String> now = new HashSet<>(roles);
        if (now.equals(globalRoles)) {
            return false;
        }
        globalRoles.retainAll(now);
        globalRoles.addAll(now);
        return true;
    }

    public Set<String> getGlobalRoles() {
        return Set.copyOf(globalRoles);
    }

    public String displayName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public @Nullable String getExternalSubject() {
        return externalSubject;
    }

    public String getEmail() {
        return email;
    }

    public @Nullable String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public @Nullable Institution getInstitution() {
        return institution;
    }

    public @Nullable String getPreferredLocale() {
        return preferredLocale;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    /** The name search finds the person by. */
    @SearchText(SearchFields.TITLE)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "firstName")),
        @ObjectPath(@PropertyValue(propertyName = "lastName"))})
    public String getSearchName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }

    /** The institution (name, acronym, country) search finds the person by; renaming the institution
     *  updates the people at their next change or the next mass indexing. */
    @SearchText(SearchFields.BODY)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "institution")),
        reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public String getSearchDetails() {
        Institution i = institution;
        if (i == null) {
            return "";
        }
        return i.getName() + (i.getAcronym() == null ? "" : " " + i.getAcronym()) + " " + i.getCountryCode();
    }

    @GenericField(name = SearchFields.VISIBLE)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "active")))
    public boolean isListed() {
        return active;
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
