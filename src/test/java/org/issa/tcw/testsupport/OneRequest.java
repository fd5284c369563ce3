package org.issa.tcw.testsupport;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Runs test code inside one HTTP request passing through a servlet filter of the application (the
 * per-request scope of the signed-in person, {@code signedInPersonPerRequest}), as Tomcat runs a
 * request: what the filter keeps for the request lives exactly as long as {@code action}.
 */
public final class OneRequest {

    private OneRequest() {
    }

    public static void run(Filter filter, Runnable action) {
        FilterChain servlet = (request, response) -> action.run();
        try {
            filter.doFilter(new MockHttpServletRequest("POST", "/"), new MockHttpServletResponse(), servlet);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
