package org.issa.tcw.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the reply mailbox over IMAP ({@code tcw.mail.reply.imap.*}) and hands each unread e-mail to
 * {@link ReplyIntake}. Messages are read with {@code PEEK} (reading does not mark them seen); one
 * is flagged {@code \Seen} only after its outcome was committed, so a mail server or database that
 * fails half-way loses nothing: the next run finds the message unread again, and the Message-ID
 * ledger keeps it from being posted twice. The mail server down: the run logs it and ends; the
 * mailbox keeps the replies until the next run.
 */
@Component
class ReplyPoller {

    private static final Logger log = LoggerFactory.getLogger(ReplyPoller.class);
    private static final int PER_RUN = 200;

    private final ReplyConfig config;
    private final ReplyIntake intake;

    ReplyPoller(ReplyConfig config, ReplyIntake intake) {
        this.config = config;
        this.intake = intake;
    }

    /** One run; returns what became of the e-mails read (nothing when off or the server is down). */
    Map<ReplyIntake.Outcome, Integer> poll() {
        Map<ReplyIntake.Outcome, Integer> outcomes = new EnumMap<>(ReplyIntake.Outcome.class);
        if (!config.enabled) {
            return outcomes;
        }
        String protocol = config.ssl ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".peek", "true");
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        try (Store store = Session.getInstance(props).getStore(protocol)) {
            store.connect(config.host, config.port, config.user, config.password);
            Folder folder = store.getFolder(config.folder);
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < Math.min(unread.length, PER_RUN); i++) {
                    handle(unread[i], outcomes);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Reply mailbox {}:{} not read ({}); the replies wait there for the next run", config.host,
                    config.port, e.getMessage());
        }
        return outcomes;
    }

    private void handle(Message message, Map<ReplyIntake.Outcome, Integer> outcomes) throws MessagingException {
        try {
            ReplyIntake.Outcome outcome = intake.handle((MimeMessage) message);
            outcomes.merge(outcome, 1, Integer::sum);
            message.setFlag(Flags.Flag.SEEN, true);
        } catch (IOException | RuntimeException e) {
            // left unread: tried again at the next run (the ledger keeps a done one from being done twice)
            log.warn("Reply e-mail {} not handled, tried again later: {}", message.getMessageNumber(), e.toString());
        }
    }
}
