/**
 * In-app notifications: what other features tell a person (mentioned, a reply in a watched
 * thread, a post hidden), with a live unread count in the top bar. Fed by other features' events.
 */
@NullMarked
package org.issa.tcw.notification;

import org.jspecify.annotations.NullMarked;
