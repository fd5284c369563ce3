package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.issa.tcw.documents.DocumentFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search (issue 16) in Chromium, as member-ict: typing in the top bar's field shows the best
 * hits grouped by kind with a known demo project; Enter opens {@code /search?q=…} with the results;
 * a hit opens its page. A document found by a word far down its text opens with that word marked
 * and scrolled into view. (Here because the documents' browser support — {@link RunningApp},
 * {@link Browsers}, {@link EditorPage} — is shared by every browser test.)
 */
class SearchIT {

    private EditorPage page;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void type_in_the_top_bar_see_grouped_results_press_enter_and_open_a_hit() {
        page = new EditorPage("member-ict").signIn();
        page.driver.get(page.base);
        WebElement field = topBarField();
        field.sendKeys("Mobile service channels");
        WebElement list = waitFor(By.id("global-search-results"), e -> e.isDisplayed()
                && e.getText().contains("Mobile service channels"), "the as-you-type list with the demo project");
        List<String> kinds = list.findElements(By.className("tcw-quick-search-kind")).stream().map(WebElement::getText)
                .toList();
        assertThat(kinds).contains("Project");
        assertThat(list.findElement(By.id("global-search-all")).getText()).contains("Mobile service channels");

        field.sendKeys(Keys.ENTER);
        wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/search?q=Mobile"));
        WebElement summary = waitFor(By.id("search-summary"), e -> e.getText().matches("\\d+ results?"),
                "the results' summary");
        assertThat(summary.getText()).doesNotStartWith("0");
        WebElement hits = page.driver.findElement(By.id("search-hits"));
        WebElement project = hits.findElements(By.cssSelector("a.tcw-search-title")).stream()
                .filter(a -> a.getText().contains("Mobile service channels")).findFirst().orElseThrow();
        assertThat(hits.findElements(By.cssSelector("mark.tcw-search-match"))).isNotEmpty();
        String href = project.getAttribute("href");
        assertThat(href).contains("/projects/");
        project.click();
        wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().equals(href));
        waitFor(By.tagName("body"), e -> e.getText().contains("Mobile service channels"), "the project's page");
    }

    @Test
    void a_document_hit_opens_the_document_scrolled_to_the_matched_word_marked() {
        String word = "quokkaword" + Long.toString(System.nanoTime(), 36);
        long doc = RunningApp.newDocument("Search passage " + word.substring(10));
        for (int i = 0; i < 40; i++) {
            DocumentFixtures.type(RunningApp.context(), doc, "Filler paragraph " + i
                    + " about social security administration, long enough to fill a line of the editor.", true);
        }
        DocumentFixtures.typeAsEditor(RunningApp.context(), doc, " The passage with " + word + " is here.");

        page = new EditorPage("member-ict").signIn();
        page.driver.get(page.base);
        WebElement field = topBarField();
        // rendered 3 s after the edit, then reindexed: retype until the list shows the document
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        WebElement hit = null;
        while (hit == null) {
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            field.sendKeys(word);
            EditorPage.pause(1500);
            hit = page.driver.findElements(By.cssSelector("#global-search-results a.tcw-search-title")).stream()
                    .filter(a -> a.getText().startsWith("Search passage")).findFirst().orElse(null);
            assertThat(System.nanoTime()).as("the document is found by its new word").isLessThan(until);
        }
        assertThat(hit.getAttribute("href")).endsWith("/documents/" + doc + "?find=" + word);
        hit.click();
        page.waitForEditor();
        wait(Duration.ofSeconds(30)).until(d -> word.equals(page.js(
                "return document.querySelector('tcw-editor').getAttribute('data-find-current')")));
        WebElement mark = page.driver.findElement(By.cssSelector("tcw-editor .ProseMirror .tcw-find-current"));
        assertThat(mark.getText()).isEqualTo(word);
        // scrolled to it: the marked word is inside the window, although 40 paragraphs come before it
        wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(page.js("""
                const r = arguments[0].getBoundingClientRect();
                return r.top >= 0 && r.bottom <= window.innerHeight;""", mark)));
        assertThat(page.driver.findElements(By.cssSelector("tcw-editor .ProseMirror .tcw-find"))).hasSize(1);
    }

    private WebElement topBarField() {
        return waitFor(By.cssSelector("#global-search input"), WebElement::isDisplayed, "the top bar's search field");
    }

    private WebElement waitFor(By by, java.util.function.Predicate<WebElement> condition, String what) {
        return wait(Duration.ofSeconds(30)).withMessage(what).until(d -> d.findElements(by).stream().filter(condition)
                .findFirst().orElse(null));
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(page.driver, timeout);
    }
}
