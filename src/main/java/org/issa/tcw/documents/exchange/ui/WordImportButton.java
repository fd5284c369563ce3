package org.issa.tcw.documents.exchange.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import org.issa.tcw.base.ui.AppIcon;

/**
 * A button opening the Word import dialog, for a new document of a commission or to replace a
 * document's content. It knows the dialog only through {@code open} (ADR 121): the dialog's upload
 * and selects are not part of the chunk of the pages showing the button.
 */
class WordImportButton extends Button {

    WordImportButton(boolean newDocument, Runnable open) {
        setText(getTranslation(newDocument ? "exchange.import.new" : "exchange.import.replace"));
        setIcon(new AppIcon(AppIcon.Glyph.UPLOAD)); // not VaadinIcon: its 240 KB set (ADR 121)
        setId(newDocument ? "import-word" : "replace-from-word");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClickListener(e -> open.run());
    }
}
