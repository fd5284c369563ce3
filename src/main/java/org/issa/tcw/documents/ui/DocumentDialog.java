package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Predicate;
import org.issa.tcw.base.ui.Fields;
import org.issa.tcw.base.ui.FormBinder;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;

/** The form of a document's title, kind and working language (new document, or details of one). */
class DocumentDialog extends Dialog {

    final TextField title = new TextField();
    final ComboBox<DocumentKind> kind = new ComboBox<>();
    final ComboBox<WorkingLanguage> language = new ComboBox<>();
    final Button save = new Button();
    /** The rules are DocumentForm's annotations, shown here and enforced by DocumentService. */
    private final FormBinder<DocumentForm> binder = new FormBinder<>(DocumentForm.class);

    /** {@code onSave} runs the service call and returns whether it succeeded (a refusal was shown otherwise). */
    DocumentDialog(DocumentForm form, Predicate<DocumentForm> onSave) {
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
