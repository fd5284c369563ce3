package org.issa.tcw.documents.browser;

import java.util.Map;

/**
 * Cuts a browser off the network the way DevTools' "Offline" does (Chrome DevTools Protocol through
 * chromedriver), and also closes the open push connection, which network emulation does not touch.
 */
final class Offline {

    private Offline() {
    }

    static void goOffline(EditorPage page) {
        page.driver.executeCdpCommand("Network.enable", Map.of());
        page.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    static void goOnline(EditorPage page) {
        page.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
