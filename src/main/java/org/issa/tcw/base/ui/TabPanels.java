package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import java.util.ArrayList;
import java.util.List;

/**
 * Tabs and their panels as the WAI-ARIA tabs pattern has them: a {@code tablist} whose only
 * children are its {@code tab} buttons (one Tab stop, the selected tab; arrow keys, Home and End
 * move between tabs), and a {@code tabpanel} per tab, labelled by it. Used instead of Vaadin's
 * tab sheet, whose tab list also holds a focusable element that is not a tab (axe:
 * aria-required-children).
 */
public class TabPanels extends Div {

    private final Div list = new Div();
    private final Div panels = new Div();
    private final List<NativeButton> tabs = new ArrayList<>();
    private final List<Component> contents = new ArrayList<>();
    private int selected = -1;

    public TabPanels(String id) {
        setId(id);
        addClassName("tcw-tabs");
        list.addClassName("tcw-tablist");
        list.getElement().setAttribute("role", "tablist");
        panels.addClassName("tcw-tabpanels");
        panels.setWidthFull();
        add(list, panels);
        list.getElement().executeJs("""
                this.addEventListener('keydown', e => {
                  const tabs = [...this.querySelectorAll('[role=tab]')];
                  const i = tabs.indexOf(document.activeElement);
                  if (i < 0) return;
                  const n = e.key === 'ArrowRight' ? (i + 1) % tabs.length
                      : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length
                      : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
                  if (n < 0) return;
                  e.preventDefault();
                  tabs[n].focus();
                  tabs[n].click();
                });""");
    }

    /** Adds a tab with its panel; the first one added is selected. */
    public NativeButton add(String label, Component content) {
        int index = tabs.size();
        String base = getId().orElse("tabs") + "-" + index;
        var tab = new NativeButton(label, e -> select(index));
        tab.setId(base + "-tab");
        tab.addClassName("tcw-tab");
        tab.getElement().setAttribute("role", "tab").setAttribute("aria-controls", base + "-panel");
        var panel = new Div(content);
        panel.setId(base + "-panel");
        panel.setWidthFull();
        panel.getElement().setAttribute("role", "tabpanel").setAttribute("aria-labelledby", base + "-tab");
        tabs.add(tab);
        contents.add(panel);
        list.add(tab);
        panels.add(panel);
        select(selected < 0 ? 0 : selected);
        return tab;
    }

    /** Shows the panel of the tab at {@code index}. */
    public void select(int index) {
        selected = index;
        for (int i = 0; i < tabs.size(); i++) {
            boolean on = i == index;
            tabs.get(i).getElement().setAttribute("aria-selected", on ? "true" : "false")
                    .setAttribute("tabindex", on ? "0" : "-1");
            contents.get(i).setVisible(on);
        }
    }

    public int getSelectedIndex() {
        return selected;
    }
}
