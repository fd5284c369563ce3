package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Lets a feature add a section to a commission's page (e.g. the library's publications) without
 * the commission feature knowing it: the commission page asks every such Spring bean, in
 * {@link #order()}, for a component.
 */
public interface CommissionSection {

    /** A new section for the page of the commission with this code, or empty to show nothing. */
    Optional<Component> create(String commissionCode);

    default int order() {
        return 0;
    }
}
