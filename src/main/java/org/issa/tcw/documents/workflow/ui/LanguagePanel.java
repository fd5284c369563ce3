package org.issa.tcw.documents.workflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.documents.workflow.LanguageVersion;
import org.issa.tcw.documents.workflow.LanguageVersions;

/**
 * The language versions of a document (X5): the source and its translations with their stages, a
 * "source changed since" flag on translations made from an older source (with the source version
 * they were made from, to compare in the source's History), and linking, marking up to date and
 * unlinking for those who may.
 */
class LanguagePanel extends Div {

    private final LanguageVersions languages;
    private final long documentId;

    LanguagePanel(LanguageVersions languages, long documentId) {
        this.languages = languages;
        this.documentId = documentId;
        setId("language-versions");
        addClassName("tcw-language-versions");
        render();
    }

    private void render() {
        removeAll();
        List<LanguageVersion> family;
        try {
            family = languages.family(documentId);
        } catch (org.springframework.security.access.AccessDeniedException byGrantOnly) {
            // a consultation's participant from another commission reads this document only, not its family
            setVisible(false);
            return;
        }
        boolean may = languages.mayTranslate(documentId);
        add(new Span(getTranslation("translation.title") + ": "));
        boolean linked = family.size() > 1;
        for (LanguageVersion v : family) {
            var item = new Span();
            item.setId("language-" + v.documentId());
            item.addClassName("tcw-language-version");
            var link = new Anchor("documents/" + v.documentId(), v.language().name());
            link.getElement().setAttribute("title", v.title() + " · " + getTranslation("workflow.stage."
                    + v.stage().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
            item.add(link);
            if (v.source() && linked) {
                item.add(new Span(" (" + getTranslation("translation.source") + ")"));
            }
            if (v.stale()) {
                var stale = new Span(getTranslation("translation.stale"));
                stale.getElement().getThemeList().add("badge warning small");
                stale.setId("language-stale-" + v.documentId());
                item.add(stale);
                // the source's History opens the comparison of the version it was translated from with now
                var compare = new Anchor("documents/" + family.getFirst().documentId()
                        + (v.sourceVersionId() == null ? "" : "?compare=" + v.sourceVersionId()),
                        getTranslation("translation.compare", v.sourceVersionId() == null ? "" : "#" + v.sourceVersionId()));
                compare.setId("language-compare-" + v.documentId());
                item.add(compare);
            }
            if (may && !v.source() && v.documentId() == documentId) {
                if (v.stale()) {
                    var upToDate = new Button(getTranslation("translation.mark-up-to-date"),
                            e -> act(() -> languages.markUpToDate(documentId)));
                    upToDate.setId("language-up-to-date");
                    upToDate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    item.add(upToDate);
                }
                var unlink = new Button(getTranslation("translation.unlink"), e -> act(() -> languages.unlink(documentId)));
                unlink.setId("language-unlink");
                unlink.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                item.add(unlink);
            }
            add(item, new Span(" "));
        }
        if (may && !linked) {
            var link = new Button(getTranslation("translation.link"), e -> openLink());
            link.setId("language-link");
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            add(link);
        }
    }

    private void openLink() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("translation.link"));
        var source = new IntegerField(getTranslation("translation.source-number"));
        source.setId("language-source");
        source.setHelperText(getTranslation("translation.source-number.help"));
        var save = new Button(getTranslation("translation.link"), e -> {
            if (source.getValue() != null && act(() -> languages.link(documentId, source.getValue().longValue()))) {
                dialog.close();
            }
        });
        save.setId("language-link-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(source);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private boolean act(Runnable action) {
        boolean ok = Feedback.run(this, action);
        if (ok) {
            Feedback.success(getTranslation("common.saved"));
            render();
        }
        return ok;
    }
}
