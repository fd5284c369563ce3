package org.issa.tcw.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo profile's own mail server (GreenMail, in this JVM, on 127.0.0.1 only): SMTP on
 * {@code tcw.mail.demo-server.smtp-port} (3025) and IMAP on {@code …imap-port} (3143), so that a
 * newcomer sees the e-mails at {@code /admin/mail} (or with any mail client, user = the recipient's
 * address, password = the same) without a mail server; replies to notifications land in the
 * {@code reply@tcw.localhost} mailbox, read by the reply poller. Never in production.
 */
@Configuration
@Profile("demo & !prod")
@ConditionalOnProperty(name = "tcw.mail.demo-server.enabled", havingValue = "true")
class DemoMailServer {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    @Bean(destroyMethod = "stop")
    GreenMail demoGreenMail(@org.springframework.beans.factory.annotation.Value("${tcw.mail.demo-server.smtp-port:3025}") int smtp,
            @org.springframework.beans.factory.annotation.Value("${tcw.mail.demo-server.imap-port:3143}") int imap) {
        var greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                .withDisabledAuthentication()
                // plus addressing: reply+token@tcw.localhost lands in the reply@tcw.localhost mailbox (ADR 046)
                .withSieveIgnoreDetail());
        if (inUse(smtp) || inUse(imap)) {
            // e.g. a GreenMail standalone started by hand (README): the application uses it as it is
            log.info("Demo mail server not started: 127.0.0.1:{} or :{} is in use; e-mails go to the server "
                    + "listening there (or wait in the outbox, see /admin/mail)", smtp, imap);
            return greenMail;
        }
        log.info("Demo mail server: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{}", smtp, imap);
        try {
            greenMail.start();
            // the reply poller's mailbox (tcw.mail.reply.imap.user / password in the demo)
            greenMail.setUser("reply@tcw.localhost", "reply@tcw.localhost", "reply@tcw.localhost");
        } catch (RuntimeException e) {
            log.warn("Demo mail server not started ({}); e-mails wait in the outbox", e.getMessage());
        }
        return greenMail;
    }

    /** Whether something listens on this local port already (another instance, or a mail server). */
    private static boolean inUse(int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
