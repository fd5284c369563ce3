package org.issa.tcw.documents.browser;

import org.issa.tcw.testsupport.Chromium;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The documents' browser tests' Chromium: the shared start-up ({@link Chromium}) with timers that
 * keep running in background tabs, since several editors type at once in separate browsers.
 */
public final class Browsers {

    private Browsers() {
    }

    public static void requireChromium() {
        Chromium.requireInstalled();
    }

    public static ChromeDriver start() {
        ChromeDriver driver = Chromium.start(options -> options.addArguments("--window-size=1100,900",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows"));
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        return driver;
    }
}
