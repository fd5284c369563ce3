package org.issa.tcw.commission;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything a person may or may not do in a commission: the permission table, as data
 * (docs/permissions.md is generated from it and checked by {@code PermissionsDocTest}). {@link CommissionAccess} answers every "may this person ... in commission C?" from here.
 * "Own projects/milestones" and "own posts" are object-level rules the owning feature adds on top.
 */
public enum CommissionAction {
    /** Read C's programme, drafts and threads (and see its member list). */
    READ(true, true, roles(CommissionRole.values())),
    /** Add members, change roles, end memberships. */
    MANAGE_MEMBERSHIPS(true, true, roles()),
    /** Propose a new member for the secretariat to confirm. */
    PROPOSE_MEMBERSHIP(false, false, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR)),
    /** Edit the whole work programme. */
    EDIT_PROGRAMME(false, true, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR)),
    /** Update status and milestones of projects one leads or contributes to. */
    EDIT_OWN_PROJECTS(false, true, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR, CommissionRole.MEMBER)),
    SUBMIT_PROGRAMME(false, false, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR)),
    APPROVE_PROGRAMME(false, true, roles()),
    EDIT_DRAFT(false, true, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR, CommissionRole.MEMBER)),
    COMMENT_DRAFT(false, true, roles(CommissionRole.values())),
    /**
     * Review a draft: accept or reject anyone's suggestions, resolve or reopen anyone's comments,
     * mark participants of a document suggest-only.
     */
    REVIEW_DRAFT(false, true, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR)),
    /** Restore an earlier version of a document (the state before the restore is kept as a version). */
    RESTORE_VERSION(false, true, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR)),
    /** Send a draft to internal review or to consultation (the workflow's steps forward before approval). */
    SUBMIT_DOCUMENT(false, false, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR)),
    APPROVE_DOCUMENT(false, false, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR)),
    PUBLISH_DOCUMENT(false, true, roles()),
    /** Send a document back to draft (with a reason), or a withdrawn one back to draft. */
    RETURN_DOCUMENT(false, true, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR)),
    /** Withdraw a document (with a reason). */
    WITHDRAW_DOCUMENT(false, true, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR)),
    /** Start a new draft revision of an approved or published document. */
    REVISE_DOCUMENT(false, true, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR)),
    /** Link a document as a language version (translation) of another, or unlink it. */
    TRANSLATE_DOCUMENT(false, true, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR, CommissionRole.MEMBER)),
    POST(false, true, roles(CommissionRole.values())),
    /** Pin, lock, hide others' posts. */
    MODERATE(false, true, roles(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR));

    private final boolean admin;
    private final boolean secretariat;
    private final Set<CommissionRole> commissionRoles;

    CommissionAction(boolean admin, boolean secretariat, Set<CommissionRole> commissionRoles) {
        this.admin = admin;
        this.secretariat = secretariat;
        this.commissionRoles = commissionRoles;
    }

    public boolean allowsAdmin() {
        return admin;
    }

    public boolean allowsSecretariat() {
        return secretariat;
    }

    public boolean allows(CommissionRole role) {
        return commissionRoles.contains(role);
    }

    private static Set<CommissionRole> roles(CommissionRole... roles) {
        return roles.length == 0 ? EnumSet.noneOf(CommissionRole.class) : EnumSet.of(roles[0], roles);
    }
}
