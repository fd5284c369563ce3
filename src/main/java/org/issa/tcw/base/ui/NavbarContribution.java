package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Lets a feature put something in the top bar (e.g. the notification bell) without the shell
 * knowing the feature: {@link MainLayout} asks every such Spring bean, in {@link #order()}, for a
 * component to show left of the user menu.
 */
public interface NavbarContribution {

    /** A new component for the signed-in user's top bar, or empty to show nothing. */
    Optional<Component> create();

    default int order() {
        return 0;
    }
}
