package org.issa.tcw.commission.domain;

/** A person holding a role in a commission (e.g. its chair). */
public record CommissionPerson(long commissionId, long personId) {
}
