package org.issa.tcw.commission;

import org.issa.tcw.base.UsageCheck;
import org.issa.tcw.commission.domain.MembershipRepository;
import org.springframework.stereotype.Component;

/** A person with memberships (even past ones, which are history) cannot be deleted. */
@Component
class PersonMembershipsUsage implements UsageCheck {

    private final MembershipRepository memberships;

    PersonMembershipsUsage(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    @Override
    public String subject() {
        return "person";
    }

    @Override
    public long count(long id) {
        return memberships.countByPersonId(id);
    }

    @Override
    public String messageKey() {
        return "person.delete.in-use";
    }
}
