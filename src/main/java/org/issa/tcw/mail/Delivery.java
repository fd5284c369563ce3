package org.issa.tcw.mail;

/** When a kind of e-mail is sent; each has the translated label {@code mail.delivery.<DELIVERY>}. */
public enum Delivery {
    /** A few minutes after the event, batched per thread or object within that delay. */
    IMMEDIATELY,
    /** In the daily digest, at the person's morning hour in their time zone. */
    DAILY,
    /** In the weekly digest, on Monday at the person's morning hour. */
    WEEKLY,
    /** Never by e-mail (the bell still shows it). */
    OFF
}
