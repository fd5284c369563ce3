package org.issa.tcw.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hashed front-end files are cached for a year (ADR 111). The production bundle's files under
 * {@code /VAADIN/build/} carry a hash of their content in their name ({@code indexhtml-BUF-kWEL.js}),
 * so a changed file has a new name and a cached one never goes stale; Vaadin serves them with
 * {@code max-age=3600} only, which costs a revalidation per file and hour. When Vaadin writes the
 * {@code Cache-Control} of such a file it found and serves (or answers 304 for), this filter writes
 * {@code public, max-age=31536000, immutable} instead. A missing file (404, e.g. a page of a newer
 * version asking an older node during a rolling update) keeps the {@code no-store} of its error
 * page, and development mode its {@code no-cache}. Everything else keeps {@link SecurityHeaders}' policy.
 */
class HashedAssetCaching extends OncePerRequestFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** A Vite output file: name, '-', the 8-character base64url content hash, extension. */
    private static final Pattern HASHED = Pattern.compile(
            "/VAADIN/build/[^/]+-[A-Za-z0-9_-]{8}\\.(js|css|woff2?|ttf|svg|png|jpg|webp)");

    static boolean hashed(String path) {
        return HASHED.matcher(path).matches();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !hashed(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, cachedForAYear(name, value) ? IMMUTABLE : value);
            }

            @Override
            public void addHeader(String name, String value) {
                if (cachedForAYear(name, value)) {
                    super.setHeader(name, IMMUTABLE);
                } else {
                    super.addHeader(name, value);
                }
            }
        });
    }

    /**
     * A {@code Cache-Control} that lets the file be cached (Vaadin's {@code max-age=3600} for a file
     * it serves) becomes a year's; one that forbids it stays: the error page of a missing file, or
     * Vaadin's development mode ({@code no-cache}).
     */
    private static boolean cachedForAYear(String header, String value) {
        return "Cache-Control".equalsIgnoreCase(header) && !value.contains("no-store") && !value.contains("no-cache");
    }
}
