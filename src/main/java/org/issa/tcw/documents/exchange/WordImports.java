package org.issa.tcw.documents.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentHeader;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.SuggestOnlyPolicy;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.documents.comments.ImportedComment;
import org.issa.tcw.documents.comments.ImportedComments;
import org.issa.tcw.base.UserFacingException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Word files in: as a new document of a commission, or as the new content of a document. The file
 * is checked and converted completely before anything changes (a bad file changes nothing); the
 * content then arrives through the relay as one change like any other ({@link
 * DocumentCollaboration#change}), so open editors see it live and the log keeps what was there.
 */
@Service
public class WordImports {

    private final DocumentService documents;
    private final DocumentCollaboration collaboration;
    private final SuggestOnlyPolicy suggestOnly;
    private final YjsEngine engine;
    private final ImportLimits limits;
    private final DocumentComments comments;

    WordImports(DocumentService documents, DocumentCollaboration collaboration, SuggestOnlyPolicy suggestOnly,
            YjsEngine engine, ImportLimits limits, DocumentComments comments) {
        this.comments = comments;
        this.documents = documents;
        this.collaboration = collaboration;
        this.suggestOnly = suggestOnly;
        this.engine = engine;
        this.limits = limits;
    }

    /** A new document, with the Word file's content. */
    public record Imported(long documentId, ImportSummary summary) {
    }

    /**
     * Creates a document in the commission from a Word file ({@code EDIT_DRAFT} in the commission).
     *
     * @throws UserFacingException if the file is refused (nothing is created)
     */
    @PreAuthorize("@commissionAccess.may('EDIT_DRAFT', #commissionCode)")
    public Imported newDocument(String commissionCode, DocumentForm form, byte[] file) {
        WordReader.Converted converted = WordReader.read(file, limits);
        long id = documents.create(commissionCode, form);
        ImportSummary summary;
        try {
            summary = store(id, converted);
        } catch (RuntimeException e) {
            documents.delete(id);
            throw e;
        }
        return new Imported(id, summary);
    }

    /**
     * Replaces a document's content with a Word file's, as one change by the signed-in person
     * ({@code EDIT_DRAFT}; not for people who may only suggest in it).
     *
     * @throws AccessDeniedException if the person may not edit the document
     * @throws UserFacingException   if the file is refused (nothing changes)
     */
    @PreAuthorize("isAuthenticated()")
    public ImportSummary replace(long documentId, byte[] file) {
        DocumentHeader header = documents.open(documentId); // checks READ
        if (!header.editable() || suggestOnly.suggestOnly(documentId, header.commissionId())) {
            throw new AccessDeniedException("document.refused.edit");
        }
        WordReader.Converted converted = WordReader.read(file, limits);
        return store(documentId, converted);
    }

    /**
     * The content through the relay, then the Word comments on it (docs/adr/090): their anchors are
     * made by the engine in the same computation as the content's update, so they point at the
     * characters that update inserts.
     */
    private ImportSummary store(long documentId, WordReader.Converted converted) {
        if (converted.comments().isEmpty()) {
            collaboration.change(documentId, CommissionAction.EDIT_DRAFT,
                    log -> engine.replaceContent(log, converted.proseMirrorJson()).join());
            return converted.summary();
        }
        AtomicReference<Map<String, YjsEngine.Anchor>> anchors = new AtomicReference<>(Map.of());
        collaboration.change(documentId, CommissionAction.EDIT_DRAFT, log -> {
            YjsEngine.AnchoredContent content = engine.replaceContentAnchored(log, converted.proseMirrorJson()).join();
            anchors.set(content.anchors());
            return content.update();
        });
        List<ImportedComment> imported = new ArrayList<>();
        for (WordComments.WordComment c : converted.comments()) {
            YjsEngine.Anchor a = anchors.get().get(c.id());
            imported.add(new ImportedComment(c.id(), c.parentId(), c.author(), c.date(), c.text(),
                    a == null ? null : a.from(), a == null ? null : a.to(), c.done()));
        }
        ImportedComments result = comments.importFromWord(documentId, imported);
        return converted.summary().withComments(result.stored(), result.leftOut());
    }
}
