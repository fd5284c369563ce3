package org.issa.tcw.people.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Someone who uses the workspace, usually on behalf of a member institution. */
@Entity
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
}
