package org.issa.tcw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.server.frontend.scanner.ChunkInfo;
import com.vaadin.flow.server.frontend.scanner.ClassFinder;
import com.vaadin.flow.server.frontend.scanner.FrontendDependencies;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.issa.tcw.Application;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the first page of every visit loads (ADR 111): Vaadin's production build puts the front-end
 * modules of the eager entry points (the application shell, the layout, the error views, the
 * dashboard and sign-in routes, the init listeners) into the first bundle, and those of every
 * other route into a chunk loaded when the route is opened. This test runs the same scanner as the
 * build (Flow's {@link FrontendDependencies}, bytecode references followed from each entry point)
 * over the application's classes: one {@code VaadinIcon} or {@code Icon} reachable from the shell
 * would put Vaadin's whole icon set (some 250 KB) back into every first load.
 */
class FirstBundleTest {

    private static final String VAADIN_ICON_SET = "@vaadin/icons/vaadin-iconset.js";

    private static Set<Class<?>> classes;
    private static Set<String> eager;
    private static Map<String, List<String>> lazy;
    private static Map<String, List<String>> triggers;
    private static FrontendDependencies deps;

    @BeforeAll
    static void scan() throws IOException, URISyntaxException {
        classes = applicationClasses();
        deps = new FrontendDependencies(new ClassFinder.DefaultClassFinder(classes), false, null, false);
        eager = new TreeSet<>();
        lazy = new TreeMap<>();
        triggers = new TreeMap<>();
        for (Map.Entry<ChunkInfo, List<String>> chunk : deps.getModules().entrySet()) {
            ChunkInfo info = chunk.getKey();
            if (ChunkInfo.GLOBAL.equals(info) || ChunkInfo.APP_SHELL.equals(info) || info.isEager()) {
                eager.addAll(chunk.getValue());
            } else {
                lazy.put(info.getName(), chunk.getValue());
                triggers.put(info.getName(), info.getDependencyTriggers());
            }
        }
    }

    /** Every class of the application (not initialised): the entry points are found among them. */
    private static Set<Class<?>> applicationClasses() throws IOException, URISyntaxException {
        Path root = Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> classes = new LinkedHashSet<>();
        ClassLoader loader = Application.class.getClassLoader();
        try (Stream<Path> files = Files.walk(root.resolve("org/issa/tcw"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (!name.endsWith("package-info")) {
                    try {
                        classes.add(Class.forName(name, false, loader));
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return classes;
    }

    @Test
    void the_first_bundle_has_the_shells_own_icons_but_not_vaadins_icon_set() {
        assertThat(eager).as("modules of the first bundle").contains("./tcw-icons.ts",
                "@vaadin/icon/src/vaadin-icon.js", "@vaadin/side-nav/src/vaadin-side-nav.js");
        assertThat(eager).as("modules of the first bundle").doesNotContain(VAADIN_ICON_SET);
    }

    @Test
    void the_grid_and_the_date_picker_come_with_the_routes_that_use_them() {
        assertThat(eager).as("modules of the first bundle").noneMatch(m -> m.contains("vaadin-grid")
                || m.contains("gridConnector") || m.contains("vaadin-date-picker") || m.contains("datepickerConnector"));
        assertThat(lazy.get("org.issa.tcw.people.ui.PeopleAdminView")).as("the people admin's chunk")
                .contains("@vaadin/grid/src/vaadin-grid.js");
    }

    @Test
    void views_deeper_in_the_application_still_bring_vaadins_icon_set_with_their_chunk() {
        // the programme view keeps VaadinIcon: its chunk carries the set, so its icons render
        assertThat(lazy.get("org.issa.tcw.programme.ui.ProgrammeView")).as("the programme view's chunk")
                .contains(VAADIN_ICON_SET);
    }

    @Test
    void every_menu_entry_has_a_glyph_of_the_shells_own_set() {
        // the side navigation draws the @Menu icons from the first bundle: a "vaadin:" name would stay
        // empty until some view that brings Vaadin's set has been opened
        List<String> glyphs = Arrays.stream(AppIcon.Glyph.values()).map(AppIcon.Glyph::icon).toList();
        var menus = classes.stream().filter(c -> c.isAnnotationPresent(Menu.class)).toList();
        assertThat(menus).hasSizeGreaterThan(10);
        assertThat(menus).allSatisfy(view -> assertThat(view.getAnnotation(Menu.class).icon())
                .as("@Menu icon of " + view.getSimpleName()).isIn(glyphs));
    }

    @Test
    void every_glyph_is_in_the_iconset() throws IOException {
        String iconset = Files.readString(Path.of("frontend/tcw-icons.ts"));
        assertThat(iconset).contains("Iconset.register('" + AppIcon.ICONSET + "', 16, template)");
        assertThat(AppIcon.Glyph.values()).allSatisfy(glyph -> assertThat(iconset)
                .contains("<g id=\"" + glyph.icon() + "\">"));
    }

    private static final String DOCUMENT_ROUTE = "org.issa.tcw.documents.ui.DocumentEditorView";
    /** The non-registered routes that carry the document page's late parts (ADR 121) → a module each must hold. */
    private static final Map<String, String> LATE_CHUNKS = Map.of(
            "org.issa.tcw.documents.consultation.ui.ConsultationChunk", "@vaadin/date-picker/src/vaadin-date-picker.js",
            "org.issa.tcw.documents.versions.ui.VersionsChunk", "@vaadin/combo-box/src/vaadin-combo-box.js",
            "org.issa.tcw.documents.ui.DocumentDialogsChunk", "@vaadin/form-layout/src/vaadin-form-layout.js",
            "org.issa.tcw.documents.exchange.ui.ExchangeDialogsChunk", "@vaadin/upload/src/vaadin-upload.js");

    @Test
    void the_document_routes_chunk_leaves_the_click_only_and_late_components_to_chunks_of_their_own() {
        List<String> route = lazy.get(DOCUMENT_ROUTE);
        assertThat(route).as("the document route's chunk").contains("./tcw-editor-vaadin.ts")
                .noneMatch(m -> m.contains("vaadin-date-picker") || m.contains("datepickerConnector")
                        || m.contains("multi-select-combo-box") || m.contains("@vaadin/upload")
                        || m.contains("vaadin-form-layout") || m.contains("@vaadin/select")
                        || m.contains("@vaadin/combo-box") || m.equals(VAADIN_ICON_SET));
        LATE_CHUNKS.forEach((entry, module) -> assertThat(lazy.get(entry)).as("chunk of " + entry).contains(module));
        assertThat(lazy.get("org.issa.tcw.documents.consultation.ui.ConsultationChunk"))
                .contains("@vaadin/multi-select-combo-box/src/vaadin-multi-select-combo-box.js");
    }

    /**
     * The server asks for the chunks of an attached class (and its superclasses) only when that class
     * has modules of its own: each late chunk's triggers are the document page's own parts, each with a
     * module (so showing the part loads the chunk), and never one of Vaadin's general components — a
     * text field as a trigger would load the chunk on every page that shows a text field (ADR 121).
     */
    @Test
    void late_chunks_are_triggered_by_the_pages_own_parts_only_and_each_of_them_asks_for_it()
            throws ClassNotFoundException {
        ClassLoader loader = Application.class.getClassLoader();
        for (String entry : LATE_CHUNKS.keySet()) {
            List<String> chunkTriggers = triggers.get(entry);
            assertThat(chunkTriggers).as("triggers of " + entry).isNotEmpty()
                    .allMatch(t -> t.startsWith("org.issa.tcw."));
            for (String trigger : chunkTriggers) {
                assertThat(hasModule(Class.forName(trigger, false, loader)))
                        .as(trigger + " has a module of its own or inherited, so attaching it asks for its chunk")
                        .isTrue();
            }
        }
    }

    private static boolean hasModule(Class<?> type) {
        for (Class<?> c = type; c != null && c != com.vaadin.flow.component.Component.class; c = c.getSuperclass()) {
            if (c.getDeclaredAnnotationsByType(com.vaadin.flow.component.dependency.JsModule.class).length > 0
                    || c.getDeclaredAnnotationsByType(com.vaadin.flow.component.dependency.JavaScript.class).length > 0
                    || c.getDeclaredAnnotationsByType(com.vaadin.flow.component.dependency.CssImport.class).length > 0) {
                return true;
            }
        }
        return false;
    }
}
