package org.issa.tcw.people;

import org.jspecify.annotations.Nullable;

/** What the person form edits; {@code version} detects concurrent changes. */
public class PersonForm {

    private @Nullable Long id;
    private long version;
    private String username = "";
    private String email = "";
    private String firstName = "";
    private String lastName = "";
    private @Nullable Long institutionId;
    private boolean active = true;

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

    public String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username == null ? "" : username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email == null ? "" : email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(@Nullable String firstName) {
        this.firstName = firstName == null ? "" : firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(@Nullable String lastName) {
        this.lastName = lastName == null ? "" : lastName;
    }

    public @Nullable Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(@Nullable Long institutionId) {
        this.institutionId = institutionId;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
