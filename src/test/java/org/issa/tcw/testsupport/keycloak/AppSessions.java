package org.issa.tcw.testsupport.keycloak;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Looks into the application's server-side HTTP sessions (embedded Tomcat) by session id. */
public final class AppSessions {

    private final Context context;

    public AppSessions(ApplicationContext application) {
        var server = (TomcatWebServer) ((WebServerApplicationContext) application).getWebServer();
        this.context = (Context) server.getTomcat().getHost().findChildren()[0];
    }

    /** The live session, or null when it does not exist (any more). */
    public HttpSession find(String id) {
        try {
            Session session = id == null ? null : context.getManager().findSession(id);
            return session == null || !session.isValid() ? null : session.getSession();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who the session is signed in as, or null. */
    public Authentication authentication(String id) {
        HttpSession session = find(id);
        if (session == null) {
            return null;
        }
        Object value = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return value instanceof SecurityContext security ? security.getAuthentication() : null;
    }
}
