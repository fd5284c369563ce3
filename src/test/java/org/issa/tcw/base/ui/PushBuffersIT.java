package org.issa.tcw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.atmosphere.cpr.AtmosphereFramework;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.WebApplicationContext;

/**
 * The push connection's receive buffers as the running server configures them (ADR 112): Vaadin's
 * Atmosphere hands every new WebSocket the sizes of {@link PushBuffers}, not its own 16,384
 * characters, and Tomcat's container starts new WebSockets with the same small buffers. Real
 * Tomcat, real Vaadin servlet (initialised by the first page request).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PushBuffersIT {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Test
    void every_new_push_connection_gets_the_small_buffers() throws Exception {
        // the first request initialises Vaadin's servlet and with it the service init listeners
        var response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        ServletContext servletContext = context.getServletContext();
        assertThat(servletContext).isNotNull();

        AtmosphereFramework atmosphere = PushBuffers.atmosphere(servletContext, "springServlet");
        assertThat(atmosphere).as("Vaadin's Atmosphere in the servlet context").isNotNull();
        assertThat(atmosphere.getAtmosphereConfig().getInitParameter(PushBuffers.ATMOSPHERE_TEXT)).isEqualTo("4096");
        assertThat(atmosphere.getAtmosphereConfig().getInitParameter(PushBuffers.ATMOSPHERE_BINARY)).isEqualTo("1024");
        // what a new connection's Atmosphere WebSocket allocates from that configuration (Vaadin: 16,384 each)
        var socket = new BufferProbe(atmosphere.getAtmosphereConfig());
        assertThat(socket.byteBufferCapacity()).isEqualTo(256);
        assertThat(socket.charBufferCapacity()).isEqualTo(256);

        var container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
        assertThat(container.getDefaultMaxTextMessageBufferSize()).isEqualTo(4096);
        assertThat(container.getDefaultMaxBinaryMessageBufferSize()).isEqualTo(1024);
    }

    /** An Atmosphere WebSocket made as each push connection's is, to read the buffers it allocated. */
    private static final class BufferProbe extends org.atmosphere.websocket.WebSocket {

        BufferProbe(org.atmosphere.cpr.AtmosphereConfig config) {
            super(config);
        }

        int byteBufferCapacity() {
            return bb.capacity();
        }

        int charBufferCapacity() {
            return cb.capacity();
        }

        @Override
        public boolean isOpen() {
            return false;
        }

        @Override
        public org.atmosphere.websocket.WebSocket write(String data) {
            return this;
        }

        @Override
        public org.atmosphere.websocket.WebSocket write(byte[] data, int offset, int length) {
            return this;
        }

        @Override
        public void close() {
        }
    }
}
