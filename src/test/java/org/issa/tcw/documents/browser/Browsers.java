package org.issa.tcw.documents.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real Chromium for the browser tests (Debian's {@code chromium} + {@code chromedriver}), each
 * browser its own process and profile, i.e. its own user. Without Chromium the tests are skipped
 * with a message — unless {@code -Dbrowser.required=true} (CI), where that is a failure.
 */
public final class Browsers {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private Browsers() {
    }

    public static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && Boolean.getBoolean("browser.required")) {
            throw new IllegalStateException("Browser tests are required (browser.required=true) but " + CHROMIUM
                    + " or " + CHROMEDRIVER + " is missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "Chromium not found at " + CHROMIUM + " / " + CHROMEDRIVER
                + ": browser tests skipped (set -Dbrowser.required=true to make this a failure)");
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--window-size=1100,900", "--lang=en-US",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
