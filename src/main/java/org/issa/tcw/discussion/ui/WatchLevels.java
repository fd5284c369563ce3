package org.issa.tcw.discussion.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import org.issa.tcw.discussion.WatchLevel;

/** The watch-level chooser, with each level explained in the user's language. */
final class WatchLevels {

    private WatchLevels() {
    }

    static Select<WatchLevel> select(Component owner, String id, String labelKey) {
        Select<WatchLevel> select = new Select<>();
        select.setId(id);
        select.setLabel(owner.getTranslation(labelKey));
        select.setItems(WatchLevel.values());
        select.setItemLabelGenerator(l -> owner.getTranslation("discussion.watch." + l.name()));
        select.setHelperText(owner.getTranslation("discussion.watch.help"));
        return select;
    }
}
