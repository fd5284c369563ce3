package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.logging.Level;
import org.issa.tcw.testsupport.Chromium;
import org.issa.tcw.testsupport.keycloak.KeycloakAdmin;
import org.issa.tcw.testsupport.keycloak.SsoSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What only a real browser shows: the application's own sign-in page (Vaadin) leading through
 * Keycloak to the rendered dashboard, and an open page going to the sign-in page by itself when
 * Keycloak ends the session (back-channel logout, pushed to the page). Debian's Chromium; without
 * it the test is skipped unless {@code -Dbrowser.required=true}.
 */
@SsoSpringTest
class SsoBrowserIT {

    @LocalServerPort
    int port;

    String app;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        Chromium.requireInstalled();
        app = "http://127.0.0.1:" + port;
        KeycloakAdmin.setClientAttribute("tcw", "tc-workspace", "backchannel.logout.url",
                app + "/logout/connect/back-channel/keycloak");
        driver = Chromium.start(options -> {
            options.addArguments("--window-size=1100,900");
            var logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL); // printed when the push does not arrive
            options.setCapability("goog:loggingPrefs", logging);
        });
        wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void sign_in_from_the_applications_page_to_the_dashboard_and_out_by_the_back_channel() {
        driver.get(app + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-keycloak")));
        assertThat(driver.getCurrentUrl()).isEqualTo(app + "/login");
        assertThat(driver.findElement(By.id("idp-inss-br")).getText())
                .isEqualTo("Sign in with National Social Security Institute (Brazil)");

        long clicked = System.nanoTime();
        driver.findElement(By.id("sign-in-keycloak")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        long formShown = System.nanoTime();
        driver.findElement(By.id("username")).sendKeys("chair-ict");
        driver.findElement(By.id("password")).sendKeys("demo");
        long submitted = System.nanoTime();
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("commission-card-ICT")));
        long dashboard = System.nanoTime();
        System.out.printf("[sso-bench] Chromium: sign-in page click -> Keycloak form %d ms; Keycloak submit ->"
                + " dashboard rendered %d ms; total %d ms%n", (formShown - clicked) / 1_000_000,
                (dashboard - submitted) / 1_000_000, (dashboard - clicked) / 1_000_000);
        assertThat(driver.findElement(By.id("user-menu")).isDisplayed()).isTrue();

        // an administrator ends her session in Keycloak: the open page goes to the sign-in page by itself
        KeycloakAdmin.logoutUser("tcw", "chair-ict");
        long ended = System.nanoTime();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("sso-sign-in")));
        } catch (org.openqa.selenium.TimeoutException notPushed) {
            driver.manage().logs().get(LogType.BROWSER).forEach(entry -> System.out.println("[browser] " + entry));
            throw notPushed;
        }
        System.out.printf("[sso-bench] back-channel logout -> open page on the sign-in page: %d ms%n",
                (System.nanoTime() - ended) / 1_000_000);
        assertThat(driver.getCurrentUrl()).isEqualTo(app + "/login");
    }
}
