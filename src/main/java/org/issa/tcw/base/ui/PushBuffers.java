package org.issa.tcw.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.communication.JSR356WebsocketInitializer;
import com.vaadin.flow.shared.communication.PushConstants;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.atmosphere.cpr.AtmosphereFramework;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The receive buffers of every open page's push connection (ADR 112, docs/benchmarks.md "Memory per
 * session"). Each WebSocket keeps a text buffer as large as the largest message it accepts, for as
 * long as the page is open. Vaadin tells Atmosphere to accept 16,384 characters (a 32 KB
 * {@code char[]} per page), but Vaadin's own client never sends a WebSocket message longer than
 * {@link PushConstants#WEBSOCKET_FRAGMENT_SIZE} (4,095) characters: it cuts longer messages into
 * fragments that Atmosphere puts together again. The buffer therefore needs one fragment
 * ({@code tcw.push.text-buffer-chars}, default 4,096: an 8 KB {@code char[]}). The binary buffer,
 * through which the text's bytes pass on their way to the text buffer (Vaadin sends no binary
 * messages), needs no more than a chunk ({@code tcw.push.binary-buffer-bytes}, default 1,024).
 * Larger messages than the client sends would close the connection (1009, too big) and the page
 * would reconnect; none are sent. Atmosphere's own {@code WebSocket} object also allocates a byte and
 * a char buffer of {@code org.atmosphere.websocket.bufferSize} (Vaadin: 16,384, i.e. 48 KB per page)
 * that only its streaming path reads, and grows on demand; Vaadin's endpoint receives whole messages,
 * so they start at {@code tcw.push.atmosphere-buffer} (default 256) instead (ADR 119).
 */
@Component
class PushBuffers implements VaadinServiceInitListener {

    static final String ATMOSPHERE_TEXT = "org.atmosphere.websocket.maxTextMessageSize";
    static final String ATMOSPHERE_BINARY = "org.atmosphere.websocket.maxBinaryMessageSize";
    static final String ATMOSPHERE_BUFFER = "org.atmosphere.websocket.bufferSize";

    private static final Logger log = LoggerFactory.getLogger(PushBuffers.class);

    private final int textChars;
    private final int binaryBytes;
    private final int atmosphereBuffer;

    PushBuffers(@Value("${tcw.push.text-buffer-chars:4096}") int textChars,
            @Value("${tcw.push.binary-buffer-bytes:1024}") int binaryBytes,
            @Value("${tcw.push.atmosphere-buffer:256}") int atmosphereBuffer) {
        if (textChars <= PushConstants.WEBSOCKET_FRAGMENT_SIZE) {
            throw new IllegalArgumentException("tcw.push.text-buffer-chars must exceed Vaadin's fragment size "
                    + PushConstants.WEBSOCKET_FRAGMENT_SIZE + ", was " + textChars);
        }
        if (binaryBytes < 16) {
            throw new IllegalArgumentException("tcw.push.binary-buffer-bytes too small: " + binaryBytes);
        }
        if (atmosphereBuffer < 16) {
            throw new IllegalArgumentException("tcw.push.atmosphere-buffer too small: " + atmosphereBuffer);
        }
        this.textChars = textChars;
        this.binaryBytes = binaryBytes;
        this.atmosphereBuffer = atmosphereBuffer;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (!(event.getSource() instanceof VaadinServletService service) || service.getServlet() == null) {
            return; // not in a servlet container (e.g. a Karibu test): there is no push connection
        }
        ServletContext context = service.getServlet().getServletContext();
        apply(context, service.getServlet().getServletName());
    }

    /** Sets the sizes on the servlet context's WebSocket container and on Vaadin's Atmosphere. */
    void apply(ServletContext context, String servletName) {
        if (!(context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container)) {
            log.debug("No WebSocket container: no push connections to size");
            return;
        }
        // the buffers a new WebSocket starts with (Tomcat allocates them before the endpoint opens)
        container.setDefaultMaxTextMessageBufferSize(textChars);
        container.setDefaultMaxBinaryMessageBufferSize(binaryBytes);
        AtmosphereFramework atmosphere = atmosphere(context, servletName);
        if (atmosphere == null) {
            log.warn("No Atmosphere framework for servlet {}: push buffers keep Vaadin's sizes", servletName);
            return;
        }
        // read by every new connection's endpoint, which then sizes the session's buffers
        atmosphere.addInitParameter(ATMOSPHERE_TEXT, Integer.toString(textChars));
        atmosphere.addInitParameter(ATMOSPHERE_BINARY, Integer.toString(binaryBytes));
        // read by every new connection's Atmosphere WebSocket, which allocates both buffers at once
        atmosphere.addInitParameter(ATMOSPHERE_BUFFER, Integer.toString(atmosphereBuffer));
        log.debug("Push buffers: text {} chars, binary {} bytes", textChars, binaryBytes);
    }

    static @Nullable AtmosphereFramework atmosphere(ServletContext context, String servletName) {
        return context.getAttribute(JSR356WebsocketInitializer.getAttributeName(servletName)) instanceof AtmosphereFramework a
                ? a : null;
    }
}
