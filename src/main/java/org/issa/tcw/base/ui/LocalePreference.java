package org.issa.tcw.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.PersonDirectory;
import org.springframework.stereotype.Component;

/**
 * The user's language: the one they chose (remembered with their person record), else the
 * browser's if supported, else English. Applied to every new UI.
 */
@Component
public class LocalePreference implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final PersonDirectory directory;

    LocalePreference(CurrentUser currentUser, PersonDirectory directory) {
        this.currentUser = currentUser;
        this.directory = directory;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(localeFor(init.getUI())));
    }

    /** The locale a UI should use now. */
    public Locale localeFor(UI ui) {
        var chosen = currentUser.get().map(u -> u.preferredLocale()).filter(tag -> tag != null && !tag.isBlank());
        if (chosen.isPresent()) {
            return Translations.supported(chosen.get());
        }
        VaadinSession session = ui.getSession();
        Locale browser = session == null || session.getBrowser() == null ? null : session.getBrowser().getLocale();
        return browser == null ? Translations.ENGLISH : Translations.supported(browser.toLanguageTag());
    }

    /** Switches the user's language, remembers it, and redraws the page in it. */
    public void switchTo(UI ui, Locale locale) {
        Locale supported = Translations.supported(locale.toLanguageTag());
        currentUser.personId().ifPresent(id -> directory.rememberLocale(id, supported.getLanguage()));
        if (ui.getSession() != null) {
            ui.getSession().setLocale(supported);
        }
        ui.setLocale(supported);
        ui.getPage().reload();
    }
}
