package org.issa.tcw.discussion;

/** A member of the commission that can be mentioned as {@code @username}. */
public record MentionCandidate(long personId, String username, String displayName) {

    public String handle() {
        return "@" + username;
    }
}
