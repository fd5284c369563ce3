package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import java.util.function.Predicate;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;

/** The form of a document's title, kind and working language (new document, or details of one). */
class DocumentDialog extends Dialog {

    final TextField title = new TextField();
    final ComboBox<DocumentKind> kind = new ComboBox<>();
    final ComboBox<WorkingLanguage> language = new ComboBox<>();
    final Button save = new Button();
    private final Binder<DocumentForm> binder = new Binder<>();

    /** {@code onSave} runs the service call and returns whether it succeeded (a refusal was shown otherwise). */
    DocumentDialog(DocumentForm form, Predicate<DocumentForm> onSave) {
        setId("document-dialog");
        setHeaderTitle(getTranslation(form.getId() == null ? "documents.new" : "document.details"));
        title.setId("title");
        title.setLabel(getTranslation("document.title"));
        title.setMaxLength(200);
        title.setWidthFull();
        kind.setId("kind");
        kind.setLabel(getTranslation("document.kind"));
        kind.setItems(List.of(DocumentKind.values()));
        kind.setItemLabelGenerator(k -> getTranslation("document.kind." + k.name()));
        language.setId("language");
        language.setLabel(getTranslation("document.language"));
        language.setItems(List.of(WorkingLanguage.values()));
        language.setItemLabelGenerator(l -> getTranslation("document.language." + l.name()));

        binder.forField(title).asRequired(getTranslation("validation.required", getTranslation("document.title")))
                .bind(DocumentForm::getTitle, DocumentForm::setTitle);
        binder.forField(kind).asRequired(getTranslation("validation.required", getTranslation("document.kind")))
                .bind(DocumentForm::getKind, DocumentForm::setKind);
        binder.forField(language).asRequired(getTranslation("validation.required", getTranslation("document.language")))
                .bind(DocumentForm::getLanguage, DocumentForm::setLanguage);
        binder.setBean(form);

        save.setText(getTranslation(form.getId() == null ? "documents.create" : "common.save"));
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (binder.validate().isOk() && onSave.test(form)) {
                close();
            }
        });
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel");
        var layout = new FormLayout(title, kind, language);
        layout.setColspan(title, 2);
        add(layout);
        getFooter().add(cancel, save);
        setWidth("36rem");
    }
}
