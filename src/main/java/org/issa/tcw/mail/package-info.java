/**
 * E-mail (ADR 045): what a person is told by e-mail, when, in which language. Events of other
 * features become {@code mail_item} rows in the event's own transaction ({@code MailItems}); the
 * composer turns them into e-mails (immediately, batched per thread or object, or in digests) in
 * the {@code mail_outbox}; the sender delivers the outbox over SMTP with retries, each row once.
 * Preferences at {@code /settings/notifications}, the queue at {@code /admin/mail}.
 */
@NullMarked
package org.issa.tcw.mail;

import org.jspecify.annotations.NullMarked;
