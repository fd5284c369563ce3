package org.issa.tcw.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The first view of a full page load sent inside the page itself (ADR 123): for the paths in
 * {@code tcw.page.first-view-in-page} (default: the dashboard, {@code /}), Vaadin builds the UI
 * while it answers the page request and writes the view's first answer (the initial UIDL) into the
 * bootstrap page, instead of waiting for the browser to load its client and ask for it in a second
 * request ({@code ?v-r=init}). One request less on the way to the first paint, and the view's
 * server work no longer waits for the scripts to download and run.
 *
 * <p>Only for paths listed: a view built this way has not yet heard the browser's time zone (the
 * second request would have carried it, {@link UserZone}); the dashboard shows dates in UTC and
 * does not depend on it, and the zone arrives right after the first paint for later views. An empty
 * list ({@code tcw.page.first-view-in-page=}) turns it off: Vaadin's default (before/after
 * measurement on one build, docs/benchmarks.md "Page weight"). The page stays uncompressed and
 * never cached (ADR 111, ADR 050): what it now also carries is the view's own content and Vaadin's
 * per-UI security key, both for this session only.
 */
@Component
class FirstViewInPage implements VaadinServiceInitListener {

    private final Set<String> paths;

    FirstViewInPage(@Value("${tcw.page.first-view-in-page:/}") List<String> paths) {
        this.paths = paths.stream().map(String::strip).filter(p -> !p.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (paths.isEmpty()) {
            return; // Vaadin's default: the client asks for the first view itself
        }
        event.getSource().setBootstrapInitialPredicate(this::inPage);
    }

    /** Whether the page request for {@code request} carries its first view. */
    boolean inPage(VaadinRequest request) {
        String path = request.getPathInfo();
        return paths.contains(path == null || path.isEmpty() ? "/" : path);
    }

    Set<String> paths() {
        return paths;
    }
}
