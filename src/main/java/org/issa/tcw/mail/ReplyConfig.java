package org.issa.tcw.mail;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code tcw.mail.reply.*} settings of replies by e-mail (README, "Replies by e-mail"): off by
 * default; when on, thread notifications carry a Reply-To address and the poller reads the IMAP
 * mailbox that address delivers to (the server must deliver {@code reply+anything@domain} to the
 * {@code reply@domain} mailbox — "plus addressing", as Postfix, Exchange, Gmail and the demo's
 * GreenMail do).
 */
@Component
class ReplyConfig {

    final boolean enabled;
    /** The reply mailbox's address, e.g. {@code reply@tcw.example.org}. */
    final String address;
    final String host;
    final int port;
    final String user;
    final String password;
    final String folder;
    /** IMAP over TLS ({@code imaps}) instead of plain IMAP. */
    final boolean ssl;
    final Duration validFor;

    ReplyConfig(@Value("${tcw.mail.reply.enabled:false}") boolean enabled,
            @Value("${tcw.mail.reply.address:reply@tcw.localhost}") String address,
            @Value("${tcw.mail.reply.imap.host:127.0.0.1}") String host,
            @Value("${tcw.mail.reply.imap.port:3143}") int port,
            @Value("${tcw.mail.reply.imap.user:reply@tcw.localhost}") String user,
            @Value("${tcw.mail.reply.imap.password:reply@tcw.localhost}") String password,
            @Value("${tcw.mail.reply.imap.folder:INBOX}") String folder,
            @Value("${tcw.mail.reply.imap.ssl:false}") boolean ssl,
            @Value("${tcw.mail.reply.valid-for:180d}") Duration validFor) {
        if (address.indexOf('@') < 1) {
            throw new IllegalStateException("tcw.mail.reply.address must be an e-mail address: " + address);
        }
        this.enabled = enabled;
        this.address = address.strip();
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.folder = folder;
        this.ssl = ssl;
        this.validFor = validFor;
    }

    String localPart() {
        return address.substring(0, address.lastIndexOf('@'));
    }

    String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    long validForDays() {
        return validFor.toDays();
    }
}
