package org.issa.tcw.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import java.util.function.Consumer;

/**
 * The administration screens' edit form: a title, fields bound to a form bean, Cancel and Save.
 * Save checks the fields (the bean's annotations), calls the service — whose refusal is shown —
 * and only then closes and reports. Buttons carry the ids tests use: {@code save}, {@code cancel}.
 */
public class EditDialog<T> extends Dialog {

    /**
     * @param save  the service call, e.g. {@code people::save}
     * @param saved what to do after a successful save (refresh the grid)
     */
    public EditDialog(String id, String titleKey, FormBinder<T> binder, T bean, Consumer<T> save, Runnable saved,
            FormLayout fields) {
        setId(id);
        setHeaderTitle(getTranslation(titleKey));
        binder.setBean(bean);
        var saveButton = new Button(getTranslation("common.save"), e -> {
            if (binder.validate().isOk() && Feedback.run(this, () -> save.accept(bean))) {
                Feedback.success(getTranslation("common.saved"));
                close();
                saved.run();
            }
        });
        saveButton.setId("save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel");
        add(fields);
        getFooter().add(cancel, saveButton);
    }
}
