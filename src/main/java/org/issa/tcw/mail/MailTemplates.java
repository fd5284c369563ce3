package org.issa.tcw.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issa.tcw.base.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an e-mail's HTML and plain-text parts with Thymeleaf (standalone engine, templates in
 * {@code resources/mail/}); {@code #{…}} reads the application's own translation bundles
 * ({@code i18n/mail*.properties} through {@link Texts}), so e-mails and screens share one set of
 * translations. All user content goes in through {@code th:text} (escaped).
 */
@Component
class MailTemplates {

    private final TemplateEngine html;
    private final TemplateEngine text;
    private final Texts texts;

    MailTemplates(Texts texts) {
        this.texts = texts;
        this.html = engine(TemplateMode.HTML, ".html");
        this.text = engine(TemplateMode.TEXT, ".txt");
    }

    private TemplateEngine engine(TemplateMode mode, String suffix) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        var engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new AbstractMessageResolver() {
            @Override
            public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] params) {
                return texts.getTranslation(key, context.getLocale(), params == null ? new Object[0] : params);
            }

            @Override
            public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                    Object[] params) {
                return "!" + key + "!";
            }
        });
        return engine;
    }

    String translate(String key, Locale locale, Object... params) {
        return texts.getTranslation(key, locale, params);
    }

    /** Both parts of an e-mail. */
    Rendered render(Email email) {
        // plain maps: the expression language reads them without reflection on these records
        var context = new Context(email.locale(), Map.of("mail", email.asMap()));
        return new Rendered(html.process("email", context), text.process("email", context));
    }

    record Rendered(String html, String text) {
    }

    /** What one e-mail says; every string already in the recipient's language. */
    record Email(Locale locale, String greeting, String heading, List<Section> sections, String buttonUrl,
            String buttonLabel, String reason, @Nullable String unsubscribeUrl, String unsubscribeLabel,
            String settingsUrl, @Nullable String replyHint) {

        Email(Locale locale, String greeting, String heading, List<Section> sections, String buttonUrl,
                String buttonLabel, String reason, @Nullable String unsubscribeUrl, String unsubscribeLabel,
                String settingsUrl) {
            this(locale, greeting, heading, sections, buttonUrl, buttonLabel, reason, unsubscribeUrl,
                    unsubscribeLabel, settingsUrl, null);
        }

        /** "Reply to this e-mail to post in the thread", above the button. */
        Email withReplyHint(String hint) {
            return new Email(locale, greeting, heading, sections, buttonUrl, buttonLabel, reason, unsubscribeUrl,
                    unsubscribeLabel, settingsUrl, hint);
        }

        Map<String, @Nullable Object> asMap() {
            var m = new java.util.HashMap<String, @Nullable Object>();
            m.put("language", locale.getLanguage());
            m.put("greeting", greeting);
            m.put("heading", heading);
            m.put("sections", sections.stream().map(Section::asMap).toList());
            m.put("buttonUrl", buttonUrl);
            m.put("buttonLabel", buttonLabel);
            m.put("reason", reason);
            m.put("unsubscribeUrl", unsubscribeUrl);
            m.put("unsubscribeLabel", unsubscribeLabel);
            m.put("settingsUrl", settingsUrl);
            m.put("replyHint", replyHint);
            return m;
        }
    }

    /** A commission's part of a digest (one section, without title, in an immediate e-mail). */
    record Section(@Nullable String title, List<Entry> entries) {

        Map<String, @Nullable Object> asMap() {
            var m = new java.util.HashMap<String, @Nullable Object>();
            m.put("title", title);
            m.put("entries", entries.stream().map(Entry::asMap).toList());
            return m;
        }
    }

    /** One event: "Ana Silva replied in «Thread»", the text, when, where to open it. */
    record Entry(String line, @Nullable String body, String when, String url) {

        Map<String, @Nullable Object> asMap() {
            var m = new java.util.HashMap<String, @Nullable Object>();
            m.put("line", line);
            m.put("body", body);
            m.put("when", when);
            m.put("url", url);
            return m;
        }
    }
}
