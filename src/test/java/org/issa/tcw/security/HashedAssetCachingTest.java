package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * ADR 111: the production bundle's hashed files get a year's caching instead of the hour Vaadin
 * writes; a file Vaadin does not serve (no Cache-Control written) and everything else keep theirs.
 * On the real server, with compression and the security headers: {@code SecurityRegressionIT}.
 */
class HashedAssetCachingTest {

    /** Runs the filter in front of a "Vaadin" that writes {@code cacheControl} (or nothing when null). */
    private static MockHttpServletResponse serve(String path, String cacheControl) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        var response = new MockHttpServletResponse();
        HttpServlet vaadin = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                if (cacheControl != null) {
                    resp.setHeader("Cache-Control", cacheControl);
                } else {
                    // what the application answers for a missing file: an error page not to be stored
                    resp.setStatus(404);
                    resp.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
                }
            }
        };
        new HashedAssetCaching().doFilter(request, response, new MockFilterChain(vaadin));
        return response;
    }

    @Test
    void a_hashed_bundle_file_is_cached_for_a_year_whatever_vaadin_writes() throws Exception {
        assertThat(serve("/VAADIN/build/indexhtml-BUF-kWEL.js", "max-age=3600").getHeader("Cache-Control"))
                .isEqualTo("public, max-age=31536000, immutable");
        assertThat(serve("/VAADIN/build/chunk-4df33973aa599b256b65fecb5a8ac0185e672131640b26d9e303b62417a56f49-FpsNQ8nY.js",
                "public, max-age=0, must-revalidate").getHeader("Cache-Control")).isEqualTo(HashedAssetCaching.IMMUTABLE);
        assertThat(serve("/VAADIN/build/vaadin-tabs-BoYYZI68.css", "max-age=3600").getHeader("Cache-Control"))
                .isEqualTo(HashedAssetCaching.IMMUTABLE);
    }

    @Test
    void a_missing_file_and_unhashed_files_keep_what_they_get() throws Exception {
        MockHttpServletResponse missing = serve("/VAADIN/build/gone-AbCdEf12.js", null);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getHeader("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
        assertThat(serve("/VAADIN/build/indexhtml-BUF-kWEL.js", "no-cache").getHeader("Cache-Control"))
                .as("development mode").isEqualTo("no-cache");
        assertThat(serve("/VAADIN/build/sw.js", "max-age=3600").getHeader("Cache-Control")).isEqualTo("max-age=3600");
        assertThat(serve("/VAADIN/static/push/vaadinPush.js", "max-age=3600").getHeader("Cache-Control"))
                .isEqualTo("max-age=3600");
        assertThat(serve("/login", "no-store").getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void the_hash_pattern_is_vites() {
        assertThat(HashedAssetCaching.hashed("/VAADIN/build/vaadin-dialog-Bub5y-_S.js")).isTrue();
        assertThat(HashedAssetCaching.hashed("/VAADIN/build/indexhtml-BUF-kWEL.js.br")).isFalse();
        assertThat(HashedAssetCaching.hashed("/VAADIN/build/sub/dir-BUF-kWEL.js")).isFalse();
        assertThat(HashedAssetCaching.hashed("/VAADIN/build/short-abc.js")).isFalse();
        assertThat(HashedAssetCaching.hashed("/other/indexhtml-BUF-kWEL.js")).isFalse();
    }
}
