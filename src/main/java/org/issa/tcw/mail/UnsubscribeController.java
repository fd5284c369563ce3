package org.issa.tcw.mail;

import java.util.Locale;
import org.issa.tcw.base.Texts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * One-click unsubscribe without signing in. {@code GET} (the link in the e-mail) shows a page with
 * one button, so that a link scanner opening the link changes nothing; {@code POST} (that button,
 * or the mail client's own RFC 8058 one-click request) turns the kind off. The signed link is the
 * only credential.
 */
@RestController
class UnsubscribeController {

    private final MailPreferenceService preferences;
    private final UnsubscribeLinks links;
    private final Texts texts;

    UnsubscribeController(MailPreferenceService preferences, UnsubscribeLinks links, Texts texts) {
        this.preferences = preferences;
        this.links = links;
        this.texts = texts;
    }

    @GetMapping(value = UnsubscribeLinks.PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@RequestParam("p") String p, @RequestParam("k") String k,
            @RequestParam("s") String s, Locale requestLocale) {
        Locale locale = Texts.supported(requestLocale.toLanguageTag());
        if (links.verify(p, k, s).isEmpty()) {
            return ResponseEntity.status(404).body(page(locale, t("mail.unsubscribe.invalid", locale), null));
        }
        String form = "<form method=\"post\"><input type=\"hidden\" name=\"p\" value=\"" + HtmlUtils.htmlEscape(p)
                + "\"><input type=\"hidden\" name=\"k\" value=\"" + HtmlUtils.htmlEscape(k)
                + "\"><input type=\"hidden\" name=\"s\" value=\"" + HtmlUtils.htmlEscape(s)
                + "\"><button type=\"submit\">" + HtmlUtils.htmlEscape(t("mail.unsubscribe.button", locale))
                + "</button></form>";
        return ResponseEntity.ok(page(locale, t("mail.unsubscribe.question", locale, what(k, locale)), form));
    }

    @PostMapping(value = UnsubscribeLinks.PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@RequestParam("p") String p, @RequestParam("k") String k,
            @RequestParam("s") String s) {
        var language = preferences.unsubscribe(p, k, s);
        if (language.isEmpty()) {
            return ResponseEntity.status(404)
                    .body(page(Locale.ENGLISH, t("mail.unsubscribe.invalid", Locale.ENGLISH), null));
        }
        Locale locale = Texts.supported(language.get());
        return ResponseEntity.ok(page(locale, t("mail.unsubscribe.done", locale, what(k, locale)), null));
    }

    private String what(String k, Locale locale) {
        return k.equals("DAILY") || k.equals("WEEKLY") ? t("mail.unsubscribe.what." + k, locale)
                : t("mail.kind." + k, locale);
    }

    private String t(String key, Locale locale, Object... params) {
        return texts.getTranslation(key, locale, params);
    }

    private static String page(Locale locale, String message, @org.jspecify.annotations.Nullable String form) {
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>TC Workspace</title></head>"
                + "<body style=\"font-family:Arial,sans-serif;max-width:560px;margin:40px auto;padding:0 16px\">"
                + "<h1 style=\"font-size:20px;color:#00447c\">TC Workspace</h1><p id=\"message\">"
                + HtmlUtils.htmlEscape(message) + "</p>" + (form == null ? "" : form) + "</body></html>";
    }

    /** Its own stateless chain: no session, no sign-in redirect; the signature protects the POST. */
    @Configuration
    static class Security {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 1)
        SecurityFilterChain mailUnsubscribeChain(HttpSecurity http) throws Exception {
            http.securityMatcher(UnsubscribeLinks.PATH)
                    .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(c -> c.disable())
                    .csrf(c -> c.disable());
            return http.build();
        }
    }
}
