package org.issa.tcw.commission.domain;

/** A number per commission (e.g. its active members). */
public record CommissionCount(long commissionId, long count) {
}
