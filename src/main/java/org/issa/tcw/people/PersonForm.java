package org.issa.tcw.people;

import jakarta.validation.constraints.Pattern;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.TextRule;
import org.issa.tcw.base.UserText;
import org.jspecify.annotations.Nullable;

/** What the person form edits; {@code version} detects concurrent changes. */
public class PersonForm {

    private @Nullable Long id;
    private long version;
    @TextRule(field = "person.username", max = 100)
    @Pattern(regexp = "([A-Za-z0-9._@-]+)?", message = "person.username.invalid")
    private String username = "";
    @TextRule(field = "person.email", max = 254)
    @Pattern(regexp = "(" + Checks.EMAIL_PATTERN + ")?", message = "person.email.invalid")
    private String email = "";
    @TextRule(field = "person.first-name", max = 100, required = false)
    private String firstName = "";
    @TextRule(field = "person.last-name", max = 100)
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
        this.username = UserText.normalize(username, true);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = UserText.normalize(email, true);
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(@Nullable String firstName) {
        this.firstName = UserText.normalize(firstName, true);
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(@Nullable String lastName) {
        this.lastName = UserText.normalize(lastName, true);
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
