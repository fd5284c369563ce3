package org.issa.tcw.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One e-mail of the outbox as administrators see it at {@code /admin/mail} (no kind: a digest). */
public record OutboxRow(long id, String messageId, String recipient, @Nullable MailKind kind, String subject, String status,
        int attempts, Instant createdAt, Instant nextAttemptAt, @Nullable Instant sentAt, @Nullable String lastError) {
}
