package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before deleting; the deletion itself reports through {@link Feedback}. */
public final class ConfirmDelete {

    private ConfirmDelete() {
    }

    public static void open(Component source, String what, Runnable delete) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-delete");
        dialog.setHeader(source.getTranslation("common.confirm-delete.title", what));
        dialog.setText(source.getTranslation("common.confirm-delete.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(source.getTranslation("common.cancel"));
        dialog.setConfirmText(source.getTranslation("common.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> delete.run());
        dialog.open();
    }
}
