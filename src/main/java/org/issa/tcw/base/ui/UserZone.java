package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time zone of the person looking at a page: the browser's, as Vaadin reports it. The server
 * itself works in UTC (the application's {@code Clock}); views turn instants into dates and times
 * in this zone, so "today" and "10:42" mean what they mean to the reader, whatever the host's
 * zone is. UTC until the browser has told its zone (and in browserless tests).
 */
public final class UserZone {

    private UserZone() {
    }

    /** Asks the browser for its zone early (the main layout calls it when a page attaches). */
    public static void request(UI ui) {
        try {
            ui.getPage().retrieveExtendedClientDetails(details -> {
            });
        } catch (RuntimeException e) {
            // no browser behind this UI (tests): UTC
        }
    }

    /** The zone of the person looking at {@code component}'s page, UTC if not known. */
    public static ZoneId of(Component component) {
        return component.getUI().map(UserZone::of).orElse(ZoneOffset.UTC);
    }

    /** The zone of the person looking at {@code ui}, UTC if not known. */
    public static ZoneId of(UI ui) {
        try {
            var details = ui.getPage().getExtendedClientDetails();
            String id = details == null ? null : details.getTimeZoneId();
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (RuntimeException e) { // an unknown zone id (DateTimeException) or no browser behind the UI
            return ZoneOffset.UTC;
        }
    }

    /** The zone of the current page's reader ({@link UI#getCurrent()}), UTC outside a page. */
    public static ZoneId current() {
        UI ui = UI.getCurrent();
        return ui == null ? ZoneOffset.UTC : of(ui);
    }

    /** Today for the reader of {@code component}'s page, by the application's clock. */
    public static LocalDate today(Clock clock, Component component) {
        return LocalDate.now(clock.withZone(of(component)));
    }
}
