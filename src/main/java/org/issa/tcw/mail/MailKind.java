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
    PROGRAMME_APPROVAL(Delivery.DAILY);

    private final Delivery byDefault;

    MailKind(Delivery byDefault) {
        this.byDefault = byDefault;
    }

    /** What a person gets who has not chosen. */
    public Delivery byDefault() {
        return byDefault;
    }
}
