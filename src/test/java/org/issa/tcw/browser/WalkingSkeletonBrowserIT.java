package org.issa.tcw.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.issa.tcw.testsupport.Chromium;
import org.issa.tcw.testsupport.RunningJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in real Chromium against the packaged production jar: sign in as the chair of ICT,
 * see ICT on the dashboard, open the commission page, switch to French.
 */
class WalkingSkeletonBrowserIT {

    private static RunningJar app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireInstalled();
        app = RunningJar.start();
        System.out.printf("[e2e] production jar healthy after %d ms, RSS %d MB%n", app.startup().toMillis(),
                app.rssMegabytes());
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            System.out.printf("[e2e] RSS after the browser test %d MB%n", app.rssMegabytes());
            app.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static String text(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText");
    }

    @Test
    void chair_signs_in_sees_ict_opens_it_and_switches_to_french() {
        browser.get(app.url("/"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")));
        assertThat(text(browser)).contains("Demo accounts").contains("chair-ict");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("chair-ict");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("commission-card-ICT")));
        String card = browser.findElement(By.id("commission-card-ICT")).getText();
        assertThat(card).contains("Information and Communication Technology").contains("Chair");
        // the shell's icons (side navigation, bell, search) come from the application's own small
        // iconset in the first bundle (ADR 111), and each one draws its glyph
        assertIconsDrawn("tcw:", 5);
        // the dashboard's first view came inside the page itself (ADR 123): the browser did not ask
        // for it in a second request, and the page is live (the clicks below go through the server)
        assertThat((Long) ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('v-r=init')).length")).as("requests for the first view").isZero();

        // the commission cards come after the home's blocks, below the fold: click the card's link
        // where it is (the page moves focus and scroll after it is painted, so a pointer click at
        // coordinates can land elsewhere)
        var open = browser.findElement(By.cssSelector("#commission-card-ICT a"));
        assertThat(open.getAttribute("href")).endsWith("/commissions/ICT");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", open);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("commission-title"),
                "ICT · Information and Communication Technology"));
        assertThat(browser.getCurrentUrl()).endsWith("/commissions/ICT");
        waiting().until(d -> text(d).contains("Sophie Tremblay"));

        // user menu -> Français
        browser.findElement(By.cssSelector("vaadin-menu-bar#user-menu vaadin-menu-bar-button")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("language-fr")));
        browser.findElement(By.id("language-fr")).click();
        try {
            waiting().until(d -> text(d).contains("Tableau de bord"));
        } catch (RuntimeException e) {
            System.out.println("[e2e] page text: " + text(browser));
            throw e;
        }
        String page = text(browser);
        assertThat(page).contains("Mandat").contains("Membres").doesNotContain("Dashboard");
        assertThat(browser.getCurrentUrl()).endsWith("/commissions/ICT");

        // the side navigation is static HTML (ADR 116): its entries still go through the router, no page load
        var js = (JavascriptExecutor) browser;
        js.executeScript("window.tcwSamePage = true");
        var commissions = browser.findElement(By.cssSelector("vaadin-side-nav#main-nav vaadin-side-nav-item[path='commissions']"));
        assertThat(commissions.getText()).isEqualTo("Commissions");
        js.executeScript("arguments[0].shadowRoot.querySelector('a').click()", commissions);
        waiting().until(d -> d.getCurrentUrl().endsWith("/commissions"));
        waiting().until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!document.querySelector('vaadin-side-nav-item[path=\\'commissions\\'][current]')")));
        assertThat(js.executeScript("return window.tcwSamePage === true")).as("no page load").isEqualTo(true);

        // a view deeper in the application keeps Vaadin's icons: opened directly (a full page load),
        // its chunk brings Vaadin's icon set and its buttons' icons are drawn
        browser.get(app.url("/commissions/ICT/programme"));
        waiting().until(d -> (Long) js.executeScript(
                "return document.querySelectorAll('vaadin-icon[icon^=\"vaadin:\"]').length") > 0);
        assertIconsDrawn("vaadin:", 1);
        assertIconsDrawn("tcw:", 5);
    }

    /** At least {@code minimum} icons of the set {@code prefix} on the page, each with its glyph's paths drawn. */
    private static void assertIconsDrawn(String prefix, int minimum) {
        var js = (JavascriptExecutor) browser;
        String count = "return Array.from(document.querySelectorAll('vaadin-icon'))"
                + ".filter(i => (i.getAttribute('icon') || '').startsWith(arguments[0])"
                + " && (!arguments[1] || (i.shadowRoot && i.shadowRoot.querySelector('svg path')))).length";
        waiting().until(d -> {
            long all = (Long) js.executeScript(count, prefix, false);
            return all >= minimum && all == (Long) js.executeScript(count, prefix, true);
        });
    }
}
