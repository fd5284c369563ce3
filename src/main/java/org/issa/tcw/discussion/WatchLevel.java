package org.issa.tcw.discussion;

/** How closely a person follows a thread or all threads of a commission (Discourse's tracking levels). */
public enum WatchLevel {
    /** Notified of every new post, and unread counts shown. */
    WATCHING,
    /** Unread counts shown, no notifications (the default). */
    TRACKING,
    /** Neither notified nor counted. */
    MUTED
}
