package org.issa.tcw.testsupport;

import java.io.File;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), never a
 * downloaded browser. Without Chromium the browser tests are skipped with a message, unless
 * {@code -Dbrowser.required=true} (set by {@code .ci/run}) makes them fail instead.
 */
public final class Chromium {

    public static final String BROWSER = System.getProperty("chromium.binary", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    private Chromium() {
    }

    public static void requireInstalled() {
        boolean present = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
        if (!present && Boolean.getBoolean("browser.required")) {
            throw new IllegalStateException("Chromium is required (browser.required=true) but " + BROWSER + " or "
                    + DRIVER + " is missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "Chromium not installed (" + BROWSER + ", " + DRIVER
                + "): browser tests skipped. Install Debian's chromium and chromium-driver to run them "
                + "(the end of the run repeats this with the command).");
    }

    /** A new browser: a separate profile, i.e. a separate user. */
    public static ChromeDriver start() {
        return start(options -> {
        });
    }

    /**
     * A new browser with the common flags (headless, no sandbox, nothing fetched in the
     * background), then {@code customise} (a window size, timer throttling off, logging ...).
     */
    public static ChromeDriver start(Consumer<ChromeOptions> customise) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=1280,900", "--lang=en-US");
        customise.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
