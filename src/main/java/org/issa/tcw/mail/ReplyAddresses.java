package org.issa.tcw.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The Reply-To address of a thread notification: {@code reply+<person>-<thread>-<day>-<signature>@domain}
 * (base address {@code tcw.mail.reply.address}). Person, thread and day of issue are in base 36;
 * the signature is the first 128 bits of an HMAC-SHA256 over them with the mail secret
 * ({@code tcw.mail.secret}), in lower-case hex so that servers that change the case of the local
 * part do not break it. It cannot be made for another person or thread without the key, and
 * expires {@code tcw.mail.reply.valid-for} after it was issued.
 */
@Component
class ReplyAddresses {

    private static final Pattern TOKEN = Pattern.compile("([0-9a-z]{1,13})-([0-9a-z]{1,13})-([0-9a-z]{1,8})-([0-9a-f]{32})");

    private final MailConfig config;
    private final ReplyConfig reply;

    ReplyAddresses(MailConfig config, ReplyConfig reply) {
        this.config = config;
        this.reply = reply;
    }

    /** The address a reply to a notification about {@code threadId} goes to. */
    String address(long personId, long threadId, LocalDate today) {
        String token = Long.toString(personId, 36) + "-" + Long.toString(threadId, 36) + "-"
                + Long.toString(today.toEpochDay(), 36);
        return reply.localPart() + "+" + token + "-" + sign(token) + "@" + reply.domain();
    }

    /** Finds our reply address among {@code recipients} and checks it. */
    Verdict verify(Iterable<String> recipients, LocalDate today) {
        Verdict found = Verdict.none();
        for (String recipient : recipients) {
            Verdict v = verify(recipient, today);
            if (v.status() == Status.VALID) {
                return v;
            }
            if (v.status() != Status.NOT_OURS) {
                found = v;
            }
        }
        return found;
    }

    Verdict verify(String address, LocalDate today) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        String prefix = reply.localPart().toLowerCase(Locale.ROOT) + "+";
        if (at < 0 || !a.startsWith(prefix) || !a.substring(at + 1).equals(reply.domain().toLowerCase(Locale.ROOT))) {
            return Verdict.none();
        }
        Matcher m = TOKEN.matcher(a.substring(prefix.length(), at));
        if (!m.matches()) {
            return new Verdict(Status.FORGED, 0, 0);
        }
        String token = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
        if (!MessageDigest.isEqual(sign(token).getBytes(StandardCharsets.US_ASCII),
                m.group(4).getBytes(StandardCharsets.US_ASCII))) {
            return new Verdict(Status.FORGED, 0, 0);
        }
        long person = Long.parseLong(m.group(1), 36);
        long thread = Long.parseLong(m.group(2), 36);
        LocalDate issued = LocalDate.ofEpochDay(Long.parseLong(m.group(3), 36));
        if (issued.plusDays(reply.validForDays()).isBefore(today)) {
            return new Verdict(Status.EXPIRED, person, thread);
        }
        return new Verdict(Status.VALID, person, thread);
    }

    private String sign(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(("reply:" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sig, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    enum Status {
        /** Not addressed to the reply address at all. */
        NOT_OURS,
        /** Our address, but the token is malformed or its signature wrong. */
        FORGED,
        /** Rightly signed, issued longer ago than allowed. */
        EXPIRED,
        VALID
    }

    /** What a reply address says; person and thread only when it is rightly signed. */
    record Verdict(Status status, long personId, long threadId) {

        static Verdict none() {
            return new Verdict(Status.NOT_OURS, 0, 0);
        }
    }
}
