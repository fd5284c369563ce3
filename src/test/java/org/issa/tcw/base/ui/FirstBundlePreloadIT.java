package org.issa.tcw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ADR 123: the preload hints name exactly the modules the production bundle's entry script imports
 * when a page starts, and each of them exists in the bundle. Read from the real bundle the build
 * wrote on the class path in the package phase (the test fails when it is missing, rather than
 * checking nothing).
 */
class FirstBundlePreloadIT {

    private static String resource(String path) throws IOException {
        try (InputStream in = FirstBundlePreloadIT.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("%s on the class path (the production bundle; run the build's frontend steps)", path)
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_bundles_start_up_modules_and_their_dependencies() throws IOException {
        String index = resource(FirstBundlePreload.BUNDLE + "index.html");
        Matcher entry = Pattern.compile("src=\"\\./(VAADIN/build/indexhtml-[\\w-]+\\.js)\"").matcher(index);
        assertThat(entry.find()).as("the entry script in index.html").isTrue();
        List<String> modules = FirstBundlePreload.startupModules(resource(FirstBundlePreload.BUNDLE + entry.group(1)));

        for (String start : FirstBundlePreload.STARTUP) {
            assertThat(modules).as("a module " + start + "*").anyMatch(m -> m.startsWith(start));
        }
        // the eager imports' dependencies come along (the shell's icon element among them), no route chunk
        assertThat(modules).anyMatch(m -> m.startsWith("vaadin-icon-")).noneMatch(m -> m.startsWith("vaadin-grid-"))
                .doesNotHaveDuplicates().allMatch(m -> m.endsWith(".js"));
        assertThat(modules.size()).isGreaterThan(FirstBundlePreload.STARTUP.size());
        for (String module : modules) {
            resource(FirstBundlePreload.BUNDLE + "VAADIN/build/" + module);
        }
    }
}
