package org.issa.tcw.documents.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The editors' own WebSocket at {@value EditorSockets#PATH} (ADR 117), beside Vaadin's push.
 * No allowed origins are configured: Spring's origin check then lets only pages of this origin
 * (as the request, behind a trusted proxy its forwarded headers, names it) open it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class EditorSocketConfiguration implements WebSocketConfigurer {

    private final EditorSocketHandler handler;

    EditorSocketConfiguration(EditorSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, EditorSockets.PATH).addInterceptors(new EditorSocketHandshake());
    }
}
