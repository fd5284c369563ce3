package org.issa.tcw.commission;

/** The role a person holds in one commission. */
public enum CommissionRole {
    CHAIR, VICE_CHAIR, MEMBER, OBSERVER;

    public boolean leads() {
        return this == CHAIR || this == VICE_CHAIR;
    }
}
