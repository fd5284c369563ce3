package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The main routes at a laptop's width (1280×800) and a phone's (390×844, emulated as a mobile
 * device): nothing may make the page wider than the window, and no visible control may end past
 * its right edge (a control inside a box that scrolls on its own, such as a grid or the
 * timeline, counts where its box ends), no selector may show its chosen value cut off,
 * and no grid cell may cut its text without an ellipsis. The
 * pages with selectors are opened again in French and German, whose labels are the longest.
 * Screenshots of every page at both widths are kept under {@code target/screenshots/responsive/}.
 * One browser per role, on the shared test application.
 */
class ResponsiveLayoutIT {

    private static final Path SHOTS = Path.of("target", "screenshots", "responsive");
    private static final int[][] SIZES = {{1280, 800}, {390, 844}};

    /** The overflow check, run in the page: returns what sticks out, empty when nothing does. */
    private static final String OVERFLOW = """
            const w = window.innerWidth;
            const out = [];
            const doc = document.documentElement.scrollWidth;
            if (doc > w + 1) out.push('page is ' + doc + ' px wide');
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.textContent ? ' "' + el.textContent.trim().slice(0, 30) + '"' : '');
            // the nearest ancestor (across shadow roots) that clips or scrolls horizontally
            const clipper = el => {
              for (let p = el.parentElement || el.getRootNode().host; p && p !== document.documentElement;
                   p = p.parentElement || (p.getRootNode() && p.getRootNode().host)) {
                const s = getComputedStyle(p);
                if (s.overflowX !== 'visible') return p;
              }
              return null;
            };
            const controls = 'button, vaadin-button, a[href], input, select, textarea, vaadin-text-field, '
                + 'vaadin-text-area, vaadin-select, vaadin-combo-box, vaadin-date-picker, vaadin-menu-bar, '
                + 'vaadin-tab, vaadin-checkbox, [role=button], [role=tab], [role=link]';
            for (const el of document.querySelectorAll(controls)) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              const s = getComputedStyle(el);
              if (s.visibility === 'hidden' || s.display === 'none') continue;
              if (r.right <= w + 1) continue;
              const c = clipper(el);
              if (c && c.getBoundingClientRect().right <= w + 1) continue;
              out.push(describe(el) + ' ends at ' + Math.round(r.right) + ' px');
            }
            // a selector's chosen value must be readable whole (it wraps rather than being cut)
            for (const sel of document.querySelectorAll('vaadin-select')) {
              const r = sel.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              const vb = sel.querySelector('vaadin-select-value-button');
              if (!vb) continue;
              const label = vb.shadowRoot && vb.shadowRoot.querySelector('[part=label]');
              const item = vb.querySelector('vaadin-select-item');
              for (const e of [vb, label, item]) {
                if (e && e.scrollWidth > e.clientWidth + 1) {
                  out.push('vaadin-select' + (sel.id ? '#' + sel.id : '') + ' shows "' + vb.textContent.trim()
                      + '" cut (' + e.scrollWidth + ' px of text in ' + e.clientWidth + ' px)');
                  break;
                }
              }
            }
            // a grid cell's content wider than its cell must end with an ellipsis, not be cut mid-word
            for (const cc of document.querySelectorAll('vaadin-grid-cell-content')) {
              const r = cc.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || cc.scrollWidth <= cc.clientWidth + 1) continue;
              const child = cc.firstElementChild;
              const ellipsis = e => getComputedStyle(e).textOverflow === 'ellipsis' && getComputedStyle(e).overflowX !== 'visible';
              // inline content (text, a link) shows the cell's own ellipsis; a block child needs its own
              const block = child && getComputedStyle(child).display !== 'inline';
              if (block ? ellipsis(child) : ellipsis(cc)) continue;
              out.push('grid cell "' + cc.textContent.trim().slice(0, 30) + '" cut without an ellipsis ('
                  + cc.scrollWidth + ' px in ' + cc.clientWidth + ' px)');
            }
            return out;""";

    private static final List<EditorPage> pages = new ArrayList<>();

    @BeforeAll
    static void chromium() throws IOException {
        Browsers.requireChromium();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void close() {
        pages.forEach(EditorPage::close);
    }

    @Test
    void main_routes_fit_a_laptop_and_a_phone() throws IOException {
        JdbcTemplate jdbc = RunningApp.bean(JdbcTemplate.class);
        Long thread = jdbc.queryForObject(
                "select min(id) from discussion_thread where commission_code = 'ICT'", Long.class);
        Long document = jdbc.queryForObject("select min(d.id) from document d join commission c "
                + "on c.id = d.commission_id where c.code = 'ICT'", Long.class);
        Map<String, List<String>> routes = Map.of(
                "chair-ict", List.of("", "commissions", "commissions/ICT", "commissions/ICT/programme",
                        "commissions/ICT/discussions", "discussions/" + thread, "commissions/ICT/documents",
                        "documents", "library", "notifications", "search?q=social"),
                "secretariat", List.of("", "secretariat", "commissions/ICT/programme", "documents/" + document));
        List<String> problems = new ArrayList<>();
        routes.forEach((user, paths) -> {
            EditorPage page = new EditorPage(user);
            pages.add(page);
            page.signIn();
            visit(page, user, paths, problems);
        });
        // the selectors' longest labels: French ("Repérer : compter seulement les nouveaux messages")
        // and German ("2026–2028 · Laufend"), on the pages that have selectors
        EditorPage chair = pages.stream().filter(p -> p.user.equals("chair-ict")).findFirst().orElseThrow();
        List<String> withSelectors = List.of("commissions/ICT/programme", "commissions/ICT/discussions",
                "discussions/" + thread, "library");
        for (String language : List.of("fr", "de")) {
            switchLanguage(chair, language);
            try {
                visit(chair, "chair-ict-" + language, withSelectors, problems);
            } finally {
                switchLanguage(chair, "en");
            }
        }
        assertThat(problems).as("elements wider than the window, or selectors showing their value cut").isEmpty();
    }

    /** Opens the paths at both sizes, keeps a screenshot of each and collects what the check finds. */
    private static void visit(EditorPage page, String name, List<String> paths, List<String> problems) {
        for (int[] size : SIZES) {
            emulate(page, size[0], size[1]);
            for (String path : paths) {
                page.driver.get(page.base + path);
                settle(page);
                String file = name + "-" + size[0] + "-" + (path.isEmpty() ? "home" : path.replaceAll("[^A-Za-z0-9]+", "_"));
                try {
                    Files.copy(page.driver.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(file + ".png"),
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                @SuppressWarnings("unchecked")
                List<String> out = (List<String>) page.js(OVERFLOW);
                out.forEach(o -> problems.add(size[0] + " px, /" + path + " (" + name + "): " + o));
            }
        }
    }

    /** Through the user menu, as a person would (the choice is remembered, hence switched back). */
    private static void switchLanguage(EditorPage page, String language) {
        emulate(page, SIZES[0][0], SIZES[0][1]);
        page.driver.get(page.base + "notifications");
        settle(page);
        page.js("document.querySelector('#user-menu vaadin-menu-bar-button').click()");
        settle(page);
        page.js("document.getElementById(arguments[0]).click()", "language-" + language);
        settle(page);
    }

    /** The window's size as a device of that width (a phone is a mobile device, with touch). */
    private static void emulate(EditorPage page, int width, int height) {
        page.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 700));
    }

    /** Waits until Vaadin has answered every request of the page and the layout has settled. */
    private static void settle(EditorPage page) {
        new WebDriverWait(page.driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(page.js("""
                const v = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return document.readyState === 'complete' && !!v
                    && Object.values(v).every(c => !c.isActive || !c.isActive());""")));
        EditorPage.pause(800);
    }
}
