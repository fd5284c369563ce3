package org.issa.tcw.documents.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.issa.tcw.base.Texts;
import org.issa.tcw.documents.DocumentHtml;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.domain.Document;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.issa.tcw.documents.exchange.HtmlContent;
import org.issa.tcw.documents.templates.domain.DocumentTemplate;
import org.issa.tcw.documents.templates.domain.DocumentTemplateRepository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The templates the application ships: for each document kind a skeleton
 * ({@code templates/<kind>.html}, sections as {@code {{key}}}) filled with the texts of the
 * {@code templates} bundle in each working language. Stored once, when first needed, as documents
 * whose first state the engine makes from the content; from then on they are the secretariat's to
 * edit and are never overwritten.
 */
@Component
class ShippedTemplates {

    private static final Logger log = LoggerFactory.getLogger(ShippedTemplates.class);
    private static final Pattern KEY = Pattern.compile("\\{\\{([a-z0-9_.-]+)}}");

    private final DocumentRepository documents;
    private final DocumentTemplateRepository templates;
    private final YjsEngine engine;
    private final Texts texts;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private volatile boolean complete;
    /** The kinds and languages known to be stored. */
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    ShippedTemplates(DocumentRepository documents, DocumentTemplateRepository templates, YjsEngine engine, Texts texts,
            Clock clock, TransactionTemplate transaction) {
        this.documents = documents;
        this.templates = templates;
        this.engine = engine;
        this.texts = texts;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Stores every shipped template that is not stored yet (by this node or another). */
    void ensureStored() {
        if (complete) {
            return;
        }
        for (DocumentKind kind : DocumentKind.values()) {
            for (WorkingLanguage language : WorkingLanguage.values()) {
                ensureStored(kind, language);
            }
        }
        complete = true;
    }

    /** Stores the shipped template of a kind in a language if it is not stored yet. */
    void ensureStored(DocumentKind kind, WorkingLanguage language) {
        if (complete || stored.contains(kind.name() + language.name())) {
            return;
        }
        synchronized (this) {
            if (!templates.existsByKindAndLanguage(kind, language)) {
                long started = System.nanoTime();
                if (store(kind, language)) {
                    log.info("Template {} {} stored in {} ms", kind, language, (System.nanoTime() - started) / 1_000_000);
                }
            }
            stored.add(kind.name() + language.name());
        }
    }

    private boolean store(DocumentKind kind, WorkingLanguage language) {
        String html = DocumentHtml.sanitize(html(kind, language));
        byte[] state = engine.initialState(HtmlContent.proseMirrorJson(html)).join();
        String title = texts.getTranslation("document.kind." + kind.name(), locale(language));
        try {
            transaction.executeWithoutResult(tx -> {
                // the text and HTML the content was made from; the compactor derives them anew after edits
                Document document = documents.saveAndFlush(Document.template(title, kind, language, clock.instant(),
                        state, Jsoup.parseBodyFragment(html).text(), html));
                templates.saveAndFlush(new DocumentTemplate(document.getId(), kind, language));
            });
            return true;
        } catch (DataIntegrityViolationException e) {
            return false; // another node stored it first: keep theirs
        }
    }

    /** The shipped content of a kind's template in a working language, as a new document's first state. */
    byte[] initialState(DocumentKind kind, WorkingLanguage language) {
        return engine.initialState(HtmlContent.proseMirrorJson(DocumentHtml.sanitize(html(kind, language)))).join();
    }

    /** The shipped content of a kind's template in a working language, as HTML. */
    String html(DocumentKind kind, WorkingLanguage language) {
        String skeleton;
        String name = "templates/" + kind.name().toLowerCase(Locale.ROOT) + ".html";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The template " + name + " is missing");
            }
            skeleton = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Locale locale = locale(language);
        Matcher m = KEY.matcher(skeleton);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Entities.escape(texts.getTranslation(m.group(1), locale))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Locale locale(WorkingLanguage language) {
        return Locale.forLanguageTag(language.name().toLowerCase(Locale.ROOT));
    }
}
