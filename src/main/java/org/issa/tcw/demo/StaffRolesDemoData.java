package org.issa.tcw.demo;

import org.issa.tcw.people.domain.PersonRepository;
import org.issa.tcw.security.PersonDirectory;
import org.issa.tcw.security.domain.LocalAccount;
import org.issa.tcw.security.domain.LocalAccountRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Records the demo accounts' global roles ({@code admin}, {@code secretariat}) on their people, as
 * a sign-in would, so the staff are known (notified, offered for mentions) before they first sign
 * in. Runs after {@link DemoData} and before the demo discussions, only while no person has a
 * global role yet (from then on sign-ins keep them current, also with Keycloak in {@code demo,sso}).
 */
@Component
@Profile("demo")
@Order(1)
class StaffRolesDemoData implements ApplicationRunner {

    private final LocalAccountRepository accounts;
    private final PersonDirectory directory;
    private final PersonRepository people;

    StaffRolesDemoData(LocalAccountRepository accounts, PersonDirectory directory, PersonRepository people) {
        this.accounts = accounts;
        this.directory = directory;
        this.people = people;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!people.activeStaff().isEmpty()) {
            return;
        }
        for (LocalAccount account : accounts.findAll()) {
            if (!account.getGlobalRoles().isEmpty()) {
                directory.recordGlobalRoles(account.getUsername(), account.getGlobalRoles());
            }
        }
    }
}
