package org.issa.tcw.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A username/password account of the embedded demo profile (never used with Keycloak). */
@Entity
@Table(name = "local_account")
public class LocalAccount {

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "global_roles", nullable = false)
    private String globalRoles;

    protected LocalAccount() {
    }

    public LocalAccount(String username, String passwordHash, Set<String> globalRoles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.globalRoles = String.join(",", globalRoles);
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<String> getGlobalRoles() {
        return Arrays.stream(globalRoles.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
