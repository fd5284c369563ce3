package org.issa.tcw.security;

import java.util.List;

/**
 * The demo accounts shown on the login page of the embedded demo profile. Their usernames are a
 * contract (tests and the Keycloak demo realm use the same ones); the password is {@code demo}.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "demo";

    /** username and the translation key describing who it is. */
    public record DemoAccount(String username, String descriptionKey) {
    }

    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("admin", "login.demo.admin"),
            new DemoAccount("secretariat", "login.demo.secretariat"),
            new DemoAccount("chair-ict", "login.demo.chair-ict"),
            new DemoAccount("member-ict", "login.demo.member-ict"),
            new DemoAccount("observer-ict", "login.demo.observer-ict"),
            new DemoAccount("member-fam", "login.demo.member-fam"));

    private DemoAccounts() {
    }
}
