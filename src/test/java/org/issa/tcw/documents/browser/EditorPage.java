package org.issa.tcw.documents.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One person's browser with a document open in {@code <tcw-editor>}. */
public final class EditorPage implements AutoCloseable {

    final String user;
    final ChromeDriver driver;
    /** Where this browser reaches the application (directly, or through an {@link Offline} cable). */
    String base;

    public EditorPage(String user) {
        this(user, RunningApp.url());
    }

    /** A browser for the application at {@code base} (e.g. a packaged jar run by the test). */
    public EditorPage(String user, String base) {
        this.user = user;
        this.base = base;
        this.driver = Browsers.start();
    }

    /** This person's browser (for tests outside this package that drive it themselves). */
    public ChromeDriver driver() {
        return driver;
    }

    EditorPage through(Offline cable) {
        base = cable.url();
        return this;
    }

    /** Signs in through the login page with the demo account (password demo). */
    public EditorPage signIn() {
        // A login form filled before its web component is ready can be submitted empty and stay at /login
        // without an error: then sign in again, at most three times, and say so; the third failure fails.
        for (int attempt = 1;; attempt++) {
            driver.get(base + "login");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            WebElement username;
            try {
                username = wait.until(d -> {
                    List<WebElement> found = d.findElements(By.cssSelector("vaadin-login-form input[name='username']"));
                    return found.isEmpty() ? null : found.getFirst();
                });
            } catch (TimeoutException e) {
                throw new AssertionError("no login form for " + user + " after 60 s at " + driver.getCurrentUrl()
                        + ": " + pageText(), e);
            }
            username.sendKeys(user);
            WebElement password = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
            password.sendKeys("demo");
            String typed = String.valueOf(js("return arguments[0].value + '/' + arguments[1].value", username, password));
            password.sendKeys(Keys.ENTER);
            try {
                new WebDriverWait(driver, Duration.ofSeconds(attempt < 3 ? 20 : 60))
                        .until(d -> !d.getCurrentUrl().contains("/login"));
                return this;
            } catch (TimeoutException e) {
                String state = "still at the login page after signing in as " + user + " (attempt " + attempt
                        + ", fields held '" + typed + "'): " + driver.getCurrentUrl() + ": " + pageText();
                if (attempt == 3) {
                    throw new AssertionError(state, e);
                }
                System.err.println("[EditorPage] " + state.replace('\n', ' '));
            }
        }
    }

    private String pageText() {
        return String.valueOf(js("return document.body ? document.body.innerText : ''"));
    }

    public EditorPage open(long documentId) {
        driver.get(base + "documents/" + documentId);
        return waitForEditor();
    }

    public EditorPage waitForEditor() {
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> Boolean.TRUE.equals(
                js("return !!(document.querySelector('tcw-editor') && document.querySelector('tcw-editor').editor)")));
        return this;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    WebElement prose() {
        return driver.findElement(By.cssSelector("tcw-editor .ProseMirror"));
    }

    /** Puts the caret at the end of block {@code index} (0-based), or at the very end for -1. */
    public void caretAtEndOf(int index) {
        js("""
                const ed = document.querySelector('tcw-editor').editor;
                const doc = ed.state.doc;
                let pos = 0;
                const n = arguments[0] < 0 ? doc.childCount - 1 : arguments[0];
                for (let i = 0; i <= n; i++) pos += doc.child(i).nodeSize;
                ed.commands.focus();
                ed.commands.setTextSelection(pos - 1);
                """, index);
    }

    /** Puts the caret at the start of block {@code index}. */
    void caretAtStartOf(int index) {
        js("""
                const ed = document.querySelector('tcw-editor').editor;
                let pos = 0;
                for (let i = 0; i < arguments[0]; i++) pos += ed.state.doc.child(i).nodeSize;
                ed.commands.focus();
                ed.commands.setTextSelection(pos + 1);
                """, index);
    }

    /** Types like a person: one key at a time with a short pause. */
    public void type(String text, int pauseMillis) {
        WebElement prose = prose();
        for (char c : text.toCharArray()) {
            prose.sendKeys(String.valueOf(c));
            pause(pauseMillis);
        }
    }

    void press(CharSequence... keys) {
        prose().sendKeys(Keys.chord(keys));
    }

    /** Clicks a toolbar button ({@code tb-<name>}) like a person. */
    void toolbar(String name) {
        driver.findElement(By.id("tb-" + name)).click();
    }

    /** Whether a toolbar button ({@code tb-<name>}) is enabled right now. */
    boolean toolbarEnabled(String name) {
        return driver.findElement(By.id("tb-" + name)).isEnabled();
    }

    public String text() {
        return (String) js("return document.querySelector('tcw-editor').getText()");
    }

    String html() {
        return (String) js("return document.querySelector('tcw-editor').getHTML()");
    }

    String status() {
        return (String) js("return document.querySelector('tcw-editor').status");
    }

    /** Whether this replica holds Yjs pending structures (updates waiting for ones it never received). */
    boolean pending() {
        return Boolean.TRUE.equals(js("return document.querySelector('tcw-editor').pending()"));
    }

    long lastSeq() {
        return ((Number) js("return document.querySelector('tcw-editor').lastSeq")).longValue();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> stats() {
        return (Map<String, Object>) js("return Object.assign({}, document.querySelector('tcw-editor').stats)");
    }

    /** Names in the "who is here" bar. */
    @SuppressWarnings("unchecked")
    public List<String> presentPeople() {
        return (List<String>) js("return [...document.querySelectorAll('tcw-editor .tcw-avatar')].map(a => a.dataset.name)");
    }

    /**
     * Waits until nothing is queued or in flight; after 25 s fails with what the editor still
     * waits for (its state), not with a bare script timeout.
     */
    public void idle() {
        Object outcome = asyncJs("const done = arguments[arguments.length - 1];"
                + "const e = document.querySelector('tcw-editor');"
                + "Promise.race([e.idle().then(() => null), new Promise((r) => setTimeout(() => r(JSON.stringify(e.debugState())), 25000))])"
                + ".then(done);");
        if (outcome != null) {
            throw new AssertionError(user + "'s editor is not idle after 25 s: " + outcome);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
