package org.issa.tcw.documents.consultation.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.internal.DependencyTrigger;
import jakarta.annotation.security.DenyAll;
import java.util.List;

/**
 * Not a page: the entry point through which Vaadin's production build puts the consultation
 * panel's and round dialog's components (date picker, multi-select combo box, select, text area)
 * into a chunk of their own, loaded when a {@link RoundPanel} or {@link RoundDialog} is first
 * attached, i.e. after the document page's first paint (ADR 121).
 * The server asks for a chunk when it attaches a component whose class (or a superclass) has
 * {@code @JsModule}s: the triggers are these classes and the components they hold whose modules
 * are only in this chunk (FirstBundleTest checks the list). Never registered, never created.
 */
@Route(value = "chunks/consultation", registerAtStartup = false)
@DependencyTrigger({RoundPanel.class, RoundDialog.class, Select.class, DatePicker.class, MultiSelectComboBox.class,
        Checkbox.class})
@DenyAll
final class ConsultationChunk extends Div {

    /** What the chunk holds: everything these classes reach. */
    static final List<Class<?>> PARTS = List.of(RoundPanels.class, RoundPanel.class, RoundDialog.class);

    private ConsultationChunk() {
    }
}
