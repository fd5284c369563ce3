package org.issa.tcw.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The working buffers of every WebSocket the running server opens (ADR 119): Tomcat's WebSocket
 * classes, initialised when the web application started, allocate 2,048 bytes per buffer (not their
 * default 8,192) for reading, writing and encoding. Real Tomcat started by Spring Boot; the size is
 * the one Tomcat's own code reads when it opens a WebSocket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class WebSocketBuffersIT {

    @Test
    void tomcat_opens_websockets_with_the_configured_buffers() {
        assertThat(WebSocketBuffers.inEffect()).as("Tomcat's WebSocket buffer size in this JVM").isEqualTo(2048);
        assertThat(System.getProperty(WebSocketBuffers.PROPERTY)).isEqualTo("2048");
    }
}
