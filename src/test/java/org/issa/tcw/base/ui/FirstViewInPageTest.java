package org.issa.tcw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * ADR 123: which page requests carry their first view. The whole path, end to end in Chromium (the
 * dashboard loads without Vaadin's second request {@code ?v-r=init}): {@code WalkingSkeletonBrowserIT}.
 */
class FirstViewInPageTest {

    private static boolean inPage(FirstViewInPage first, String pathInfo) {
        var request = new MockHttpServletRequest("GET", pathInfo == null ? "/" : pathInfo);
        request.setPathInfo(pathInfo);
        return first.inPage(new VaadinServletRequest(request, null));
    }

    @Test
    void the_dashboard_by_default_and_only_the_listed_paths() {
        var first = new FirstViewInPage(List.of("/"));
        assertThat(inPage(first, "/")).isTrue();
        assertThat(inPage(first, null)).as("the root as Vaadin may see it").isTrue();
        assertThat(inPage(first, "")).isTrue();
        assertThat(inPage(first, "/commissions")).isFalse();
        assertThat(inPage(first, "/login")).isFalse();
        assertThat(inPage(first, "/documents/1")).isFalse();

        var more = new FirstViewInPage(List.of("/", " /login "));
        assertThat(inPage(more, "/login")).isTrue();
        assertThat(inPage(more, "/commissions")).isFalse();
    }

    @Test
    void an_empty_list_leaves_vaadins_default() {
        assertThat(new FirstViewInPage(List.of()).paths()).isEmpty();
        assertThat(new FirstViewInPage(List.of("")).paths()).as("tcw.page.first-view-in-page= (empty)").isEmpty();
    }
}
