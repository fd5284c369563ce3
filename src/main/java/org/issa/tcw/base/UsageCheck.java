package org.issa.tcw.base;

/**
 * Lets a feature say that it still uses a record another feature wants to delete, without the
 * owner knowing about it: the people feature asks every {@code UsageCheck} for "person" before it
 * deletes a person, and the commission feature answers with the person's memberships.
 */
public interface UsageCheck {

    /** What kind of record this check counts references to: {@code institution}, {@code person}, {@code commission}, ... */
    String subject();

    /** How many of this feature's records refer to the record with the given id. */
    long count(long id);

    /** Translation key of the explanation, given the count as its only argument. */
    String messageKey();

    /**
     * Refuses the deletion if any check of the given subject still finds references.
     *
     * @throws StillInUseException naming the first feature that still uses the record
     */
    static void requireUnused(Iterable<UsageCheck> checks, String subject, long id) {
        for (UsageCheck check : checks) {
            if (check.subject().equals(subject)) {
                long count = check.count(id);
                if (count > 0) {
                    throw new StillInUseException(check.messageKey(), count);
                }
            }
        }
    }
}
