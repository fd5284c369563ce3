package org.issa.tcw.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.Version;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Preload hints for the scripts every page's start needs (ADR 123). Vaadin's entry script
 * ({@code indexhtml-*.js}) fetches them one after the other while it starts: the push client, then
 * {@code FlowBootstrap}, then the eager imports ({@code generated-flow-imports} and the modules it
 * needs), then Vaadin's client {@code FlowClient}, each only once the previous one has arrived and
 * run. The bootstrap page names them all in its head instead ({@code <link rel="modulepreload">}
 * for the modules, {@code <link rel="preload" as="script">} for the push client), so the browser
 * fetches and compiles them alongside the entry script; the entry's imports then find them ready.
 *
 * <p>The names carry the build's content hashes; they are read once from the production bundle's
 * entry script (its dynamic imports and Vite's dependency list), the same file the page loads. In
 * development mode there is no such file and nothing is added. {@code tcw.page.preload-first-bundle=false}
 * turns the hints off (before/after measurement on one build, docs/benchmarks.md "Page weight").
 */
@Component
class FirstBundlePreload implements VaadinServiceInitListener {

    static final String BUNDLE = "META-INF/VAADIN/webapp/";
    /** The dynamic imports of the entry script that every page's start waits for. */
    static final List<String> STARTUP = List.of("FlowBootstrap-", "generated-flow-imports-", "FlowClient-");

    private static final Pattern IMPORT = Pattern.compile(
            "import\\(`\\./([\\w.-]+\\.js)`\\)\\s*,\\s*(?:__vite__mapDeps\\(\\[([\\d,\\s]*)\\]\\)|\\[\\])");
    private static final Pattern DEPENDENCIES = Pattern.compile("m\\.f=\\[([^\\]]*)\\]");

    private final boolean enabled;
    private final Map<String, List<String>> modulesByEntry = new ConcurrentHashMap<>();

    FirstBundlePreload(@Value("${tcw.page.preload-first-bundle:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (enabled) {
            event.addIndexHtmlRequestListener(this::addHints);
        }
    }

    void addHints(IndexHtmlResponse response) {
        Document page = response.getDocument();
        Element entry = page.head().selectFirst("script[type=module][src*=VAADIN/build/indexhtml-]");
        if (entry == null) {
            return; // development mode: no production bundle
        }
        String src = entry.attr("src");
        String folder = src.substring(0, src.lastIndexOf('/') + 1);
        List<String> modules = modulesByEntry.computeIfAbsent(src, FirstBundlePreload::modulesOf);
        if (modules.isEmpty()) {
            return;
        }
        boolean push = response.getUI().map(ui -> ui.getPushConfiguration().getPushMode().isEnabled()).orElse(true);
        if (push) {
            page.head().appendElement("link").attr("rel", "preload").attr("as", "script")
                    .attr("href", "./VAADIN/static/push/vaadinPush-min.js?v=" + Version.getBuildHash());
        }
        for (String module : modules) {
            page.head().appendElement("link").attr("rel", "modulepreload").attr("crossorigin", "")
                    .attr("href", folder + module);
        }
    }

    /** The start-up modules the entry script {@code src} imports, read from the bundle on the class path. */
    private static List<String> modulesOf(String src) {
        String path = BUNDLE + (src.startsWith("./") ? src.substring(2) : src.startsWith("/") ? src.substring(1) : src);
        ClassLoader loader = FirstBundlePreload.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? List.of() : startupModules(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The modules of {@link #STARTUP} that {@code entryScript} imports, each followed by the modules
     * Vite lists as its dependencies, in that order, without repeats.
     */
    static List<String> startupModules(String entryScript) {
        List<String> dependencies = new ArrayList<>();
        Matcher list = DEPENDENCIES.matcher(entryScript);
        if (list.find()) {
            for (String quoted : list.group(1).split(",")) {
                String name = quoted.strip().replaceAll("^[\"'`]|[\"'`]$", "");
                dependencies.add(name.startsWith("./") ? name.substring(2) : name);
            }
        }
        Set<String> modules = new LinkedHashSet<>();
        Matcher imports = IMPORT.matcher(entryScript);
        while (imports.find()) {
            String module = imports.group(1);
            if (STARTUP.stream().noneMatch(module::startsWith)) {
                continue;
            }
            modules.add(module);
            if (imports.group(2) != null && !imports.group(2).isBlank()) {
                for (String index : imports.group(2).split(",")) {
                    int i = Integer.parseInt(index.strip());
                    if (i < dependencies.size()) {
                        modules.add(dependencies.get(i));
                    }
                }
            }
        }
        return List.copyOf(modules);
    }
}
