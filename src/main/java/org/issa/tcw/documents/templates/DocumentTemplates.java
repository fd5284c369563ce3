package org.issa.tcw.documents.templates;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.issa.tcw.documents.domain.DocumentTitle;
import org.issa.tcw.documents.templates.domain.DocumentTemplate;
import org.issa.tcw.documents.templates.domain.DocumentTemplateRepository;
import org.issa.tcw.documents.versions.DocumentVersions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Templates to start a document from (ADR 029): one per document kind and working language,
 * shipped with the application ({@link ShippedTemplates}) and edited by the secretariat as
 * documents. A new document from a template gets the template's content as it is now, through
 * the relay like any other change (computed by the engine from the template's state).
 */
@Service
public class DocumentTemplates {

    private final DocumentTemplateRepository templates;
    private final DocumentRepository documentRows;
    private final ShippedTemplates shipped;
    private final DocumentService documents;
    private final DocumentCollaboration collaboration;
    private final YjsEngine engine;
    private final DocumentVersions versions;

    DocumentTemplates(DocumentTemplateRepository templates, DocumentRepository documentRows, ShippedTemplates shipped,
            DocumentService documents, DocumentCollaboration collaboration, YjsEngine engine,
            DocumentVersions versions) {
        this.versions = versions;
        this.templates = templates;
        this.documentRows = documentRows;
        this.shipped = shipped;
        this.documents = documents;
        this.collaboration = collaboration;
        this.engine = engine;
    }

    /**
     * Every template, by kind then language. Open to every signed-in person: templates are the
     * application's shipped starting points, offered to everyone who creates documents.
     */
    @PreAuthorize("isAuthenticated()")
    public List<TemplateView> list() {
        shipped.ensureStored();
        return views(templates.findAllByOrderByKindAscLanguageAsc());
    }

    /** The templates of a kind in a working language (what "New document" offers). */
    @PreAuthorize("isAuthenticated()")
    public List<TemplateView> list(DocumentKind kind, WorkingLanguage language) {
        shipped.ensureStored(kind, language);
        return views(templates.findByKindAndLanguage(kind, language));
    }

    private List<TemplateView> views(List<DocumentTemplate> all) {
        Map<Long, String> titles = documentRows.titles(all.stream().map(DocumentTemplate::getDocumentId).toList())
                .stream().collect(Collectors.toMap(DocumentTitle::id, DocumentTitle::title));
        return all.stream()
                .map(t -> new TemplateView(t.getDocumentId(), t.getKind(), t.getLanguage(),
                        titles.getOrDefault(t.getDocumentId(), "")))
                .sorted(Comparator.comparing(TemplateView::kind).thenComparing(TemplateView::language))
                .toList();
    }

    /**
     * A template to edit (the secretariat).
     *
     * @throws NotFoundException if there is no such template
     */
    @PreAuthorize("hasRole('SECRETARIAT')")
    public TemplateView open(long templateId) {
        return views(templates.findById(templateId).stream().toList()).stream().findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /**
     * Resets a template the secretariat edited to the content the application ships (docs/adr/090):
     * the content before is kept as a version first, then the template becomes the shipped content
     * as one change through the relay (the smallest edit, as a version restore does), so open editors
     * see it happen. Documents made from the template before are not touched.
     *
     * @return whether anything changed (false if the template already had the shipped content)
     * @throws NotFoundException if there is no such template
     */
    @PreAuthorize("hasRole('SECRETARIAT')")
    public boolean reset(long templateId) {
        DocumentTemplate template = templates.findById(templateId).orElseThrow(NotFoundException::new);
        List<byte[]> shippedContent = List.of(shipped.initialState(template.getKind(), template.getLanguage()));
        String current = collaboration.readForJob(templateId, (log, seq) -> engine.xml(log).join());
        if (current.equals(engine.xml(shippedContent).join())) {
            return false;
        }
        byte[] shippedState = engine.versionState(shippedContent).join().state();
        versions.keep(templateId, "Before reset to the shipped template");
        return collaboration.change(templateId, CommissionAction.EDIT_DRAFT,
                log -> engine.restore(log, shippedState).join()) >= 0;
    }

    /**
     * Creates a document in the commission ({@code EDIT_DRAFT}) with the content of a template of
     * the form's kind and working language. The document is created first and then gets the
     * content as one change through the relay; if that fails, it is deleted again.
     *
     * @return the new document's id
     * @throws UserFacingException if there is no such template, or it is of another kind or language
     *                             (nothing is created)
     */
    @PreAuthorize("@commissionAccess.may('EDIT_DRAFT', #commissionCode)")
    public long newDocument(String commissionCode, DocumentForm form, long templateId) {
        DocumentTemplate template = templates.findById(templateId)
                .orElseThrow(() -> new UserFacingException("templates.refused.unknown"));
        if (template.getKind() != form.getKind() || template.getLanguage() != form.getLanguage()) {
            throw new UserFacingException("templates.refused.mismatch");
        }
        long id = documents.create(commissionCode, form);
        try {
            // the template's content as it is now; the caller may create documents, which is all it takes
            byte[] state = collaboration.readForJob(templateId, (log, seq) -> engine.versionState(log).join().state());
            collaboration.change(id, CommissionAction.EDIT_DRAFT, log -> engine.restore(log, state).join());
        } catch (RuntimeException e) {
            documents.delete(id);
            throw e;
        }
        return id;
    }
}
