package org.issa.tcw.commission.domain;

/** PROPOSED by a chair, ACTIVE once confirmed by the secretariat, ENDED or DECLINED. */
public enum MembershipStatus {
    PROPOSED, ACTIVE, ENDED, DECLINED
}
