package org.issa.tcw.documents.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.dependency.JsModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The document page's route chunk stays small (docs/adr/028, second amendment): Vaadin loads and
 * evaluates the modules of a route's {@code @JsModule}s before it applies the page's first response,
 * so the stored HTML can be painted only after them. TipTap, ProseMirror and Yjs (about 600 KB) must
 * therefore be reached from those modules only through a dynamic {@code import()}, never a static
 * import: this test follows the static imports from the {@code @JsModule}s of the editor and of the
 * version comparison and fails on any package other than Lit.
 */
class EditorChunkTest {

    /** import/export … from '…', and bare import '…'; type-only imports are erased by the build. */
    private static final Pattern STATIC_IMPORT = Pattern.compile(
            "(?m)^\\s*(?:(?:import|export)\\s+(type\\s+)?[^;'\"]*?\\s+from\\s+|import\\s+)['\"]([^'\"]+)['\"]");
    private static final Path FRONTEND = Path.of("frontend");

    @Test
    void the_editor_and_the_comparison_reach_tiptap_and_yjs_only_through_a_dynamic_import() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String type : List.of("org.issa.tcw.documents.ui.CollaborativeEditor",
                "org.issa.tcw.documents.versions.ui.VersionDiff")) {
            for (JsModule module : Class.forName(type).getAnnotationsByType(JsModule.class)) {
                entries.add(module.value());
            }
        }
        assertThat(entries).containsExactlyInAnyOrder("./tcw-editor-vaadin.ts", "./tcw-version-diff-loader.ts");
        Map<String, String> reached = staticGraph(entries);
        assertThat(reached.keySet()).as("modules the route's chunk holds").contains("tcw-editor.ts",
                "tcw-editor-toolbar.ts");
        List<String> packages = reached.entrySet().stream().filter(e -> !e.getKey().endsWith(".ts"))
                .filter(e -> !e.getKey().equals("lit") && !e.getKey().startsWith("lit/"))
                .map(e -> e.getKey() + " (from " + e.getValue() + ")").toList();
        assertThat(packages).as("packages imported statically by the route's modules").isEmpty();
        assertThat(reached).as("the editor's heavy half is only imported dynamically")
                .doesNotContainKeys("tcw-editor-code.ts", "tcw-comments.ts", "tcw-suggestions.ts", "tcw-find.ts",
                        "tcw-version-diff.ts");
    }

    @Test
    void the_check_sees_a_static_import_of_a_package_and_skips_type_imports_and_dynamic_ones() {
        String source = """
                import { LitElement } from 'lit';
                import type * as YT from 'yjs';
                import {
                  Editor,
                } from '@tiptap/core';
                export { x } from './y';
                import './side-effect';
                const later = () => import('./tcw-editor-code');
                """;
        assertThat(imports(source)).containsExactly("lit", "@tiptap/core", "./y", "./side-effect");
    }

    static List<String> imports(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = STATIC_IMPORT.matcher(source);
        while (m.find()) {
            if (m.group(1) == null) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    /** Every module and package reached by static imports, with the module that first imported it. */
    private static Map<String, String> staticGraph(List<String> entries) throws IOException {
        Map<String, String> reached = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String e : entries) {
            String name = Path.of(e).normalize().toString();
            reached.put(name, "@JsModule");
            todo.add(name);
        }
        while (!todo.isEmpty()) {
            String module = todo.poll();
            Path file = FRONTEND.resolve(module);
            assertThat(file).as("frontend module " + module).exists();
            for (String target : imports(Files.readString(file))) {
                String key = target.startsWith(".")
                        ? FRONTEND.relativize(file.resolveSibling(target).normalize()) + (target.endsWith(".ts") ? "" : ".ts")
                        : target;
                if (reached.putIfAbsent(key, module) == null && key.endsWith(".ts")) {
                    todo.add(key);
                }
            }
        }
        return reached;
    }
}
