package org.issa.tcw.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
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
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.setLocale(localeFor(ui));
            announceLanguage(ui);
        });
        // the first HTML already carries the language (WCAG 3.1.1), before any script runs
        event.addIndexHtmlRequestListener(response -> {
            Locale browser = response.getVaadinRequest().getLocale();
            org.jsoup.nodes.Element html = response.getDocument().selectFirst("html");
            if (html != null) {
                html.attr("lang", localeFor(browser == null ? null : browser.toLanguageTag()).getLanguage());
            }
        });
    }

    /**
     * {@code <html lang>} and the texts of Vaadin's connection indicator (otherwise English) in the
     * UI's language.
     */
    static void announceLanguage(UI ui) {
        ui.getPage().executeJs("""
                document.documentElement.lang = $0;
                const set = () => {
                  const c = window.Vaadin && window.Vaadin.connectionIndicator;
                  if (!c) return false;
                  c.onlineText = $1; c.offlineText = $2; c.reconnectingText = $3;
                  return true;
                };
                if (!set()) setTimeout(set, 500);""", ui.getLocale().getLanguage(),
                ui.getTranslation("a11y.connection.online"), ui.getTranslation("a11y.connection.offline"),
                ui.getTranslation("a11y.connection.reconnecting"));
    }

    /** The locale a UI should use now. */
    public Locale localeFor(UI ui) {
        VaadinSession session = ui.getSession();
        Locale browser = session == null || session.getBrowser() == null ? null : session.getBrowser().getLocale();
        return localeFor(browser == null ? null : browser.toLanguageTag());
    }

    private Locale localeFor(@Nullable String browserTag) {
        var chosen = currentUser.get().map(u -> u.preferredLocale()).filter(tag -> tag != null && !tag.isBlank());
        if (chosen.isPresent()) {
            return Translations.supported(chosen.get());
        }
        return browserTag == null ? Translations.ENGLISH : Translations.supported(browserTag);
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
