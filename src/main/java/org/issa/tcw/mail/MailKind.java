package org.issa.tcw.mail;

/**
 * The kinds of e-mail a person chooses a {@link Delivery} for; each has the translated name
 * {@code mail.kind.<KIND>} and the reason {@code mail.reason.<KIND>} ("you get this because…").
 */
public enum MailKind {
    /** Someone mentioned me in a post or a document comment. */
    MENTION(Delivery.IMMEDIATELY),
    /** A reply in a thread I started or to a post of mine. */
    REPLY_TO_ME(Delivery.IMMEDIATELY),
    /** A new thread in a commission whose discussions I watch. */
    NEW_THREAD(Delivery.DAILY),
    /** A new post in a thread I watch. */
    WATCHED_POST(Delivery.DAILY),
    /** Comments and suggestions on documents I wrote. */
    DOCUMENT_COMMENT(Delivery.DAILY),
    /** Consultation rounds opening and closing. */
    CONSULTATION(Delivery.DAILY),
    /** Milestones I own: due in 14 and 3 days, overdue. */
    MILESTONE(Delivery.DAILY),
    /** Programmes submitted, approved or returned (chairs and the secretariat). */
    PROGRAMME_APPROVAL(Delivery.DAILY),
    /**
     * The secretariat's weekly overview across commissions (overdue milestones, programmes awaiting
     * approval, projects at risk), on Mondays; only {@link Delivery#WEEKLY} (on) or off.
     */
    WEEKLY_OVERVIEW(Delivery.WEEKLY);

    private final Delivery byDefault;

    MailKind(Delivery byDefault) {
        this.byDefault = byDefault;
    }

    /** The deliveries a person may choose for this kind. */
    public java.util.List<Delivery> choices() {
        return this == WEEKLY_OVERVIEW ? java.util.List.of(Delivery.WEEKLY, Delivery.OFF)
                : java.util.List.of(Delivery.values());
    }

    /** Whether this kind's events go into the digests (the overview is an e-mail of its own). */
    public boolean inDigests() {
        return this != WEEKLY_OVERVIEW;
    }

    /** What a person gets who has not chosen. */
    public Delivery byDefault() {
        return byDefault;
    }
}
