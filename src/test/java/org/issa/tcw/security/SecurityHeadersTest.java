package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Security regression (issue 11, findings 2 and 8): HSTS only when enabled and over HTTPS, caching
 * left to versioned static files only; the prod profile turns on HSTS, Secure cookies and trusted
 * forwarded headers. The headers on real responses: {@code SecurityRegressionIT}.
 */
class SecurityHeadersTest {

    private static MockHttpServletResponse filter(boolean hsts, boolean secure, String path) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        request.setSecure(secure);
        var response = new MockHttpServletResponse();
        new SecurityHeaders(hsts).doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void hsts_is_sent_only_when_enabled_and_over_https() throws Exception {
        assertThat(filter(true, true, "/").getHeader("Strict-Transport-Security")).isEqualTo(SecurityHeaders.HSTS);
        assertThat(filter(true, false, "/").getHeader("Strict-Transport-Security")).isNull();
        assertThat(filter(false, true, "/").getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void pages_are_not_stored_but_versioned_static_files_keep_their_caching() throws Exception {
        assertThat(filter(false, false, "/commissions/ICT").getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(filter(false, false, "/").getHeader("Cache-Control")).isEqualTo("no-store");
        var bundle = filter(false, false, "/VAADIN/build/indexhtml-abc.js");
        assertThat(bundle.getHeader("Cache-Control")).isNull();
        assertThat(bundle.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(bundle.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void the_prod_profile_enables_hsts_secure_cookies_and_trusted_forwarded_headers() throws IOException {
        Properties prod = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application-prod.properties")) {
            prod.load(in);
        }
        assertThat(prod).containsEntry("tcw.security.hsts", "true")
                .containsEntry("server.servlet.session.cookie.secure", "true")
                .containsEntry("server.forward-headers-strategy", "native");
        Properties all = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            all.load(in);
        }
        assertThat(all).containsEntry("server.servlet.session.tracking-modes", "cookie")
                .containsEntry("server.servlet.session.cookie.same-site", "lax")
                .containsEntry("server.servlet.session.cookie.http-only", "true")
                .containsEntry("server.tomcat.use-relative-redirects", "true")
                .doesNotContainKey("server.forward-headers-strategy");
    }
}
