package org.issa.tcw.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed one-click unsubscribe links: {@code /mail/unsubscribe?p=<person>&k=<kind>&s=<HMAC>}. The
 * HMAC-SHA256 (key {@code tcw.mail.secret}) over person and kind is the only credential; it cannot
 * be made for another person or kind without the key.
 */
@Component
class UnsubscribeLinks {

    static final String PATH = "/mail/unsubscribe";

    private final MailConfig config;

    UnsubscribeLinks(MailConfig config) {
        this.config = config;
    }

    /** {@code what}: a {@link MailKind}'s name, or DAILY / WEEKLY for everything a digest brings. */
    String url(long personId, String what) {
        return config.url(PATH) + "?p=" + personId + "&k=" + what + "&s=" + sign(personId, what);
    }

    /** The person and kind of a link, if its signature is right. */
    Optional<Target> verify(String person, String kind, String signature) {
        try {
            long id = Long.parseLong(person);
            String k = kind.equals("DAILY") || kind.equals("WEEKLY") ? kind : MailKind.valueOf(kind).name();
            boolean ok = MessageDigest.isEqual(sign(id, k).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
            return ok ? Optional.of(new Target(id, k)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(long personId, String kind) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(("unsubscribe:" + personId + ":" + kind).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    record Target(long personId, String what) {
    }
}
