package org.issa.tcw.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.issa.tcw.testsupport.LiveObjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the running Tomcat keeps per browser connection (ADR 112): idle connections close after
 * the configured keep-alive timeout, and of many connections that were open at once and closed,
 * at most {@code tcw.server.connection-cache} (100) NIO channels with their buffers stay in the
 * heap. Real Tomcat, real sockets; the channels are counted in the class histogram after a full GC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class HttpConnectionsIT {

    static final String CHANNEL = "org.apache.tomcat.util.net.NioChannel";

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void idle_connections_close_after_20_seconds_and_the_channel_cache_is_bounded() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).getKeepAliveTimeout())
                .as("server.tomcat.keep-alive-timeout in ms").isEqualTo(20_000);
        assertThat(String.valueOf(connector.getProperty(HttpConnections.CHANNEL_CACHE))).isEqualTo("100");
    }

    @Test
    void closed_connections_leave_at_most_the_cache_behind() throws Exception {
        long before = LiveObjects.count(CHANNEL);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                sockets.add(new Socket(InetAddress.getLoopbackAddress(), port));
            }
            // a complete answer on the last connection: the server has accepted all of them (in order);
            // connections may reuse channels this server cached before (at most 100), the rest are new
            Socket last = sockets.getLast();
            last.getOutputStream().write(("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[12];
            assertThat(last.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
            assertThat(LiveObjects.count(CHANNEL) - before).as("one channel per open connection").isGreaterThanOrEqualTo(150);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        // the server notices the closes within its poller's round (a second at most)
        long left = Long.MAX_VALUE;
        for (int i = 0; i < 20 && left > 100; i++) {
            Thread.sleep(500);
            left = LiveObjects.count(CHANNEL) - before;
        }
        assertThat(left).as("channels of 250 closed connections still in the heap").isLessThanOrEqualTo(100);
    }
}
