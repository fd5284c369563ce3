package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.issa.tcw.base.ui.Fields;
import org.issa.tcw.base.ui.FormBinder;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.templates.TemplateView;
import org.jspecify.annotations.Nullable;

/**
 * The form of a document's title, kind and working language (new document, or details of one). A
 * new document starts blank or from the template of the chosen kind and language.
 */
class DocumentDialog extends Dialog {

    /** How a new document starts. */
    enum Start {
        BLANK, TEMPLATE
    }

    /** What to create: the form, and the template to start from (null: blank). */
    interface Create {
        boolean create(DocumentForm form, @Nullable Long templateId);
    }

    final TextField title = new TextField();
    final ComboBox<DocumentKind> kind = new ComboBox<>();
    final ComboBox<WorkingLanguage> language = new ComboBox<>();
    final Button save = new Button();
    final RadioButtonGroup<Start> start = new RadioButtonGroup<>();
    final ComboBox<TemplateView> template = new ComboBox<>();
    /** The rules are DocumentForm's annotations, shown here and enforced by DocumentService. */
    private final FormBinder<DocumentForm> binder = new FormBinder<>(DocumentForm.class);

    /**
     * A new document, blank or from one of {@code templates} (those of the chosen kind and language
     * are offered); {@code onCreate} runs the service call and returns whether it succeeded.
     */
    DocumentDialog(BiFunction<DocumentKind, WorkingLanguage, List<TemplateView>> templates, Create onCreate) {
        this(new DocumentForm(), form -> onCreate.create(form, null), templates, onCreate);
    }

    /** {@code onSave} runs the service call and returns whether it succeeded (a refusal was shown otherwise). */
    DocumentDialog(DocumentForm form, Predicate<DocumentForm> onSave) {
        this(form, onSave, null, null);
    }

    private DocumentDialog(DocumentForm form, Predicate<DocumentForm> onSave, @Nullable BiFunction<DocumentKind, WorkingLanguage, List<TemplateView>> templates,
            @Nullable Create onCreate) {
        setId("document-dialog");
        setHeaderTitle(getTranslation(form.getId() == null ? "documents.new" : "document.details"));
        title.setId("title");
        Fields.text(title, "document.title", DocumentForm.TITLE_MAX);
        title.setWidthFull();
        kind.setId("kind");
        kind.setLabel(getTranslation("document.kind"));
        kind.setItems(List.of(DocumentKind.values()));
        kind.setItemLabelGenerator(k -> getTranslation("document.kind." + k.name()));
        language.setId("language");
        language.setLabel(getTranslation("document.language"));
        language.setItems(List.of(WorkingLanguage.values()));
        language.setItemLabelGenerator(l -> getTranslation("document.language." + l.name()));

        binder.forField(title).bind("title");
        binder.forField(kind).bind("kind");
        binder.forField(language).bind("language");
        binder.setBean(form);

        save.setText(getTranslation(form.getId() == null ? "documents.create" : "common.save"));
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            boolean done;
            if (onCreate != null && start.getValue() == Start.TEMPLATE) {
                TemplateView chosen = template.getValue();
                if (chosen == null) {
                    template.setInvalid(true);
                    template.setErrorMessage(getTranslation("templates.none"));
                    return;
                }
                done = onCreate.create(form, chosen.id());
            } else {
                done = onSave.test(form);
            }
            if (done) {
                close();
            }
        });
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel");
        var layout = new FormLayout(title, kind, language);
        layout.setColspan(title, 2);
        if (templates != null) {
            start.setId("start");
            start.setLabel(getTranslation("templates.start"));
            start.setItems(Start.values());
            start.setItemLabelGenerator(s -> getTranslation("templates.start." + s.name().toLowerCase(java.util.Locale.ROOT)));
            start.setValue(Start.BLANK);
            template.setId("template");
            template.setLabel(getTranslation("templates.template"));
            template.setItemLabelGenerator(TemplateView::title);
            template.setEnabled(false);
            start.addValueChangeListener(e -> offer(templates));
            kind.addValueChangeListener(e -> offer(templates));
            language.addValueChangeListener(e -> offer(templates));
            layout.add(start, template);
        }
        add(layout);
        getFooter().add(cancel, save);
        setWidth("36rem");
    }

    /** When starting from a template: those of the chosen kind and language, the first one chosen. */
    private void offer(BiFunction<DocumentKind, WorkingLanguage, List<TemplateView>> templates) {
        template.setEnabled(start.getValue() == Start.TEMPLATE);
        if (start.getValue() != Start.TEMPLATE) {
            template.clear();
            template.setHelperText(null);
            return;
        }
        DocumentKind k = kind.getValue();
        WorkingLanguage l = language.getValue();
        List<TemplateView> fitting = k == null || l == null ? List.of() : templates.apply(k, l);
        template.setItems(fitting);
        template.setValue(fitting.isEmpty() ? null : fitting.getFirst());
        template.setInvalid(false);
        template.setHelperText(fitting.isEmpty() ? getTranslation("templates.none") : null);
    }
}
