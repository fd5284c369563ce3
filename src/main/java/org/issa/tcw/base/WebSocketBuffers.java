package org.issa.tcw.base;

import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working buffers Tomcat gives every open WebSocket (ADR 119, docs/benchmarks.md "Memory per
 * session"): one to read frames into, one to write frames from and one to encode text into, each of
 * {@value #PROPERTY} bytes — 8 KB by default, 24 KB for every open page, whose push connection is a
 * WebSocket. They are working buffers, not limits: a longer frame is read, and a longer message is
 * written as frames, in pieces of that size. {@code tcw.server.websocket-buffer-bytes} (default
 * 2,048) sets them smaller; {@code 0} leaves Tomcat's default.
 *
 * <p>Tomcat reads the size once per JVM, from a system property, when its WebSocket classes are
 * first used (the start of the web application). It is therefore set here, for the whole JVM, as
 * Tomcat's connector is configured — before the web application starts — unless the property was
 * given on the command line ({@code -D}{@value #PROPERTY}{@code =…}), which wins. If Tomcat's
 * WebSocket classes were in use before (another application in the same JVM), the size already in
 * effect stays and a warning says so.
 *
 * <p>What an endpoint accepts is a separate matter: the largest message (its message buffer) is a
 * container default ({@code base.ui.PushBuffers}, sized for Vaadin's push) that an endpoint
 * receiving larger messages raises for its own sessions in {@code onOpen}
 * ({@code Session.setMaxBinaryMessageBufferSize}, {@code setMaxTextMessageBufferSize}).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketBuffers {

    /** Tomcat's system property (read by {@code org.apache.tomcat.websocket.Constants}). */
    static final String PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    private static final Logger log = LoggerFactory.getLogger(WebSocketBuffers.class);

    @Bean
    TomcatConnectorCustomizer webSocketBufferSize(@Value("${tcw.server.websocket-buffer-bytes:2048}") int bytes) {
        if (bytes != 0 && bytes < 256) {
            throw new IllegalArgumentException("tcw.server.websocket-buffer-bytes must be 0 (Tomcat's default) or at"
                    + " least 256, was " + bytes);
        }
        return connector -> {
            if (bytes != 0 && System.getProperty(PROPERTY) == null) {
                System.setProperty(PROPERTY, Integer.toString(bytes));
            }
        };
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> webSocketBufferSizeCheck(
            @Value("${tcw.server.websocket-buffer-bytes:2048}") int bytes) {
        return event -> {
            int expected = Integer.getInteger(PROPERTY, bytes); // a size given on the command line wins
            int actual = inEffect();
            if (bytes != 0 && actual != expected) {
                log.warn("Tomcat's WebSocket buffers are {} bytes, not {}: its WebSocket classes were initialised"
                        + " before this application configured them", actual, expected);
            }
        };
    }

    /** The size of the buffers that Tomcat gives new WebSockets in this JVM (-1 if it cannot be read). */
    static int inEffect() {
        try {
            Field field = Class.forName("org.apache.tomcat.websocket.Constants").getDeclaredField("DEFAULT_BUFFER_SIZE");
            field.setAccessible(true);
            return field.getInt(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
