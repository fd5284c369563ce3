package org.issa.tcw.base;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Tomcat keeps of a browser connection after it closed (ADR 112, docs/benchmarks.md "Memory
 * per session"). Every HTTP connection has a read and a write buffer of 8 KB each (its NIO channel);
 * when the connection closes, Tomcat keeps the channel with its buffers in a cache for the next
 * connection. By default that cache is sized from the heap: nothing below 2 GB of heap, and above
 * it one channel for every 16 KB of a 32nd of the heap (≈ 6,000 channels, ≈ 100 MB, with a 3 GB
 * heap) — a cache that only grows, so every connection that was ever open at the same time as
 * others stays in the heap. {@code tcw.server.connection-cache} (default 100) keeps at most that
 * many; more connections than that opening at once allocate their buffers anew, which costs
 * microseconds. {@code -2} restores Tomcat's default, {@code -1} means unlimited, {@code 0} none.
 *
 * <p>The keep-alive timeout, which decides how long an idle browser connection (and its buffers)
 * stays open at all, is {@code server.tomcat.keep-alive-timeout} in {@code application.properties}.
 */
@Configuration(proxyBeanMethods = false)
class HttpConnections {

    /** Tomcat's name of the NIO channel cache's size (a connector attribute, {@code socket.bufferPool}). */
    static final String CHANNEL_CACHE = "socket.bufferPool";

    @Bean
    TomcatConnectorCustomizer connectionCache(@Value("${tcw.server.connection-cache:100}") int channels) {
        if (channels < -2) {
            throw new IllegalArgumentException("tcw.server.connection-cache must be -2 (Tomcat's default), -1"
                    + " (unlimited), 0 (none) or a number of connections, was " + channels);
        }
        return connector -> {
            if (!connector.setProperty(CHANNEL_CACHE, Integer.toString(channels))) {
                throw new IllegalStateException("Tomcat's connector " + connector + " does not take " + CHANNEL_CACHE);
            }
        };
    }
}
