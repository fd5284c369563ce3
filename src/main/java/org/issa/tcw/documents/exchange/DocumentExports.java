package org.issa.tcw.documents.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.issa.tcw.base.Texts;
import org.issa.tcw.base.UserText;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentHeader;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.comments.CommentView;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * DOCX and PDF of a document: of its current text, or of any Yjs state of it (a version kept by the
 * versions feature: pass its {@code Y.encodeStateAsUpdate} bytes and its name and date). The reader
 * must be allowed to read the document ({@code READ}, checked by {@link DocumentService#open}); open
 * comments become Word comments on their text, open suggestions tracked changes. Slow (up to a few
 * seconds for long documents): call it off the request thread.
 */
@Service
public class DocumentExports {

    private final DocumentService documents;
    private final DocumentCollaboration collaboration;
    private final DocumentComments comments;
    private final PersonService people;
    private final YjsEngine engine;
    private final Texts texts;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    DocumentExports(DocumentService documents, DocumentCollaboration collaboration, DocumentComments comments,
            PersonService people, YjsEngine engine, Texts texts, Clock clock) {
        this.documents = documents;
        this.collaboration = collaboration;
        this.comments = comments;
        this.people = people;
        this.engine = engine;
        this.texts = texts;
        this.clock = clock;
    }

    /** Which content to export: the current text ({@code state == null}) or a version's state with its name and date. */
    public record Version(byte @Nullable [] state, @Nullable String name, @Nullable Instant date) {

        public static final Version CURRENT = new Version(null, null, null);
    }

    /**
     * The document as a Word file.
     *
     * @param version {@link Version#CURRENT} or a version's state, name and date
     * @param locale  the reader's language (cover labels, file name)
     * @throws AccessDeniedException if the reader may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public ExportFile docx(long documentId, Version version, Locale locale) {
        ExportContent content = content(documentId, version, locale);
        return new ExportFile(fileName(content.title(), version, locale, "docx"), ExportFile.DOCX,
                DocxWriter.write(content));
    }

    /**
     * The document as PDF (cover, table of contents, page numbers; suggestions shown, comments not).
     *
     * @throws AccessDeniedException if the reader may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public ExportFile pdf(long documentId, Version version, Locale locale) {
        ExportContent content = content(documentId, version, locale);
        return new ExportFile(fileName(content.title(), version, locale, "pdf"), ExportFile.PDF,
                PdfWriter.write(content));
    }

    /**
     * A published document as a Word file, for every signed-in person (the library): the current
     * text without comments.
     *
     * @throws AccessDeniedException if the document is not published
     */
    @PreAuthorize("isAuthenticated()")
    public ExportFile publishedDocx(long documentId, Locale locale) {
        ExportContent content = content(documentId, Version.CURRENT, locale, true);
        return new ExportFile(fileName(content.title(), Version.CURRENT, locale, "docx"), ExportFile.DOCX,
                DocxWriter.write(content));
    }

    /**
     * A published document as PDF, for every signed-in person (the library), without comments.
     *
     * @throws AccessDeniedException if the document is not published
     */
    @PreAuthorize("isAuthenticated()")
    public ExportFile publishedPdf(long documentId, Locale locale) {
        ExportContent content = content(documentId, Version.CURRENT, locale, true);
        return new ExportFile(fileName(content.title(), Version.CURRENT, locale, "pdf"), ExportFile.PDF,
                PdfWriter.write(content));
    }

    private ExportContent content(long documentId, Version version, Locale locale) {
        return content(documentId, version, locale, false);
    }

    private ExportContent content(long documentId, Version version, Locale locale, boolean published) {
        Locale lang = Texts.supported(locale.toLanguageTag());
        // a published document: checks that it is; otherwise checks READ
        DocumentHeader header = published ? documents.publishedHeader(documentId) : documents.open(documentId);
        List<byte[]> log = published ? collaboration.readForJob(documentId, (l, seq) -> l)
                : version.state() == null ? collaboration.read(documentId, l -> l) : List.of(version.state());
        Map<String, ExportContent.Comment> open = new LinkedHashMap<>();
        ArrayNode anchors = json.createArrayNode();
        for (CommentView c : published ? List.<CommentView>of() : comments.list(documentId).comments()) {
            if (c.resolved()) {
                continue;
            }
            String id = String.valueOf(c.id());
            StringBuilder text = new StringBuilder(Jsoup.parse(c.html()).wholeText().strip());
            for (CommentView.Reply r : c.replies()) {
                text.append('\n').append(UserText.sanitize(r.authorName(), true)).append(": ")
                        .append(Jsoup.parse(r.html()).wholeText().strip());
            }
            open.put(id, new ExportContent.Comment(UserText.sanitize(c.authorName(), true), c.createdAt(),
                    UserText.sanitize(text.toString(), false)));
            anchors.addObject().put("id", id).put("from", c.from()).put("to", c.to());
        }
        JsonNode tree = json.readTree(engine.exportTree(log, anchors.toString()).join());
        Set<Long> authors = new HashSet<>();
        collectAuthors(tree, authors);
        Map<Long, String> names = new LinkedHashMap<>();
        for (Map.Entry<Long, PersonSummary> e : people.summaries(authors).entrySet()) {
            names.put(e.getKey(), UserText.sanitize(e.getValue().displayName(), true));
        }
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang);
        ZoneId zone = clock.getZone();
        List<Map.Entry<String, String>> cover = new ArrayList<>();
        cover.add(new SimpleEntry<>(t("exchange.cover.commission", lang),
                UserText.sanitize(header.commissionCode() + " · " + header.commissionName(), true)));
        cover.add(new SimpleEntry<>(t("exchange.cover.kind", lang), t("document.kind." + header.kind().name(), lang)));
        cover.add(new SimpleEntry<>(t("exchange.cover.language", lang),
                t("document.language." + header.language().name(), lang)));
        cover.add(new SimpleEntry<>(t("exchange.cover.version", lang), versionName(version, lang)));
        Instant date = version.date() == null ? clock.instant() : version.date();
        cover.add(new SimpleEntry<>(t("exchange.cover.date", lang), day.format(date.atZone(zone))));
        return new ExportContent(UserText.sanitize(header.title(), true), tree, cover, t("exchange.toc", lang),
                t("exchange.page", lang), open, names, t("exchange.unknown-author", lang));
    }

    private String versionName(Version version, Locale lang) {
        String name = version.name();
        return name == null || name.isBlank() ? t("exchange.current-text", lang) : UserText.sanitize(name, true);
    }

    /** "Title – version – date.ext" in the reader's language, without characters file systems refuse. */
    private String fileName(String title, Version version, Locale locale, String extension) {
        Locale lang = Texts.supported(locale.toLanguageTag());
        Instant date = version.date() == null ? clock.instant() : version.date();
        String name = t("exchange.file-name", lang, title, versionName(version, lang),
                DateTimeFormatter.ISO_LOCAL_DATE.format(date.atZone(clock.getZone())));
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (safe.length() > 150) {
            safe = safe.substring(0, 150).strip();
        }
        return (safe.isEmpty() ? "document" : safe) + "." + extension;
    }

    private static void collectAuthors(JsonNode node, Set<Long> authors) {
        JsonNode marks = node.path("marks");
        for (String m : new String[] {"insertion", "deletion"}) {
            String id = marks.path(m).path("id").asString(null);
            Long person = id == null ? null : Suggestions.author(id);
            if (person != null) {
                authors.add(person);
            }
        }
        for (JsonNode child : node.path("content")) {
            collectAuthors(child, authors);
        }
    }

    private String t(String key, Locale lang, Object... params) {
        return texts.getTranslation(key, lang, params);
    }
}
