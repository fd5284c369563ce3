package org.issa.tcw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * ADR 123: how the preload hints read the entry script's dynamic imports and Vite's dependency list.
 * The same against the real production bundle: {@link FirstBundlePreloadIT} (the bundle is built in
 * the package phase, after the unit tests).
 */
class FirstBundlePreloadTest {

    @Test
    void reads_vites_dynamic_imports_and_dependency_list() {
        String script = "const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=[\"./generated-flow-imports-A1.js\","
                + "\"./dep-B2.js\",\"./dep-C3.js\",\"./route-D4.js\"])))=>i.map(i=>d[i]);"
                + "x(()=>import(`./generated-flow-imports-A1.js`),__vite__mapDeps([0,1,2]),import.meta.url);"
                + "x(()=>import(`./FlowBootstrap-E5.js`),[],import.meta.url);"
                + "x(()=>import(`./route-D4.js`),__vite__mapDeps([3,1]),import.meta.url);"
                + "x(()=>import(`./FlowClient-F6.js`),[],import.meta.url);";
        assertThat(FirstBundlePreload.startupModules(script)).containsExactly("generated-flow-imports-A1.js",
                "dep-B2.js", "dep-C3.js", "FlowBootstrap-E5.js", "FlowClient-F6.js");
        assertThat(FirstBundlePreload.startupModules("console.log(1)")).isEmpty();
    }
}
