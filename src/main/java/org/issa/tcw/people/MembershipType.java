package org.issa.tcw.people;

/** How an institution belongs to the association. */
public enum MembershipType {
    AFFILIATE, ASSOCIATE
}
