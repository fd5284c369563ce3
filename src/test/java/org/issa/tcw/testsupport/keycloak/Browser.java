package org.issa.tcw.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.BrowserVersion;
import org.htmlunit.CookieManager;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.http.Cookie;
import org.htmlunit.util.NameValuePair;

/**
 * An HtmlUnit browser for Keycloak's real login pages (plain HTML forms, no JavaScript needed).
 * The application's own pages are Vaadin (JavaScript): tests check where they land, not what they
 * render.
 */
public final class Browser implements AutoCloseable {

    private final WebClient client;

    public Browser() {
        client = new WebClient(BrowserVersion.FIREFOX);
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setRedirectEnabled(true);
        client.getOptions().setTimeout(30_000);
        client.setCookieManager(new LoopbackCookieManager());
    }

    public Page open(String url) {
        try {
            return client.getPage(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HtmlPage openHtml(String url) {
        Page page = open(url);
        if (page instanceof HtmlPage html) {
            return html;
        }
        throw new AssertionError("Not an HTML page: " + page.getUrl() + " " + page.getWebResponse().getContentAsString());
    }

    /** Fills and submits Keycloak's username/password form; follows a SAML POST hop if one comes. */
    public HtmlPage signIn(HtmlPage loginPage, String username, String password) {
        HtmlForm form;
        try {
            form = loginPage.getHtmlElementById("kc-form-login");
        } catch (RuntimeException e) {
            throw new AssertionError("No Keycloak login form at " + describe(loginPage), e);
        }
        form.getInputByName("username").setValue(username);
        form.getInputByName("password").setValue(password);
        try {
            HtmlPage next = loginPage.<HtmlElement>getHtmlElementById("kc-login").click();
            return followSamlPost(next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A SAML identity provider answers with an auto-submitting form (POST binding) that a real
     * browser submits by script; without JavaScript, submit it here.
     */
    public HtmlPage followSamlPost(HtmlPage page) {
        HtmlPage current = page;
        for (int hop = 0; hop < 3; hop++) {
            HtmlForm form = current.getForms().stream()
                    .filter(f -> !f.getInputsByName("SAMLResponse").isEmpty() || !f.getInputsByName("SAMLRequest").isEmpty())
                    .findFirst().orElse(null);
            if (form == null) {
                return current;
            }
            try {
                WebRequest request = new WebRequest(current.getFullyQualifiedUrl(form.getActionAttribute()), HttpMethod.POST);
                List<NameValuePair> parameters = new ArrayList<>();
                for (HtmlElement element : form.getHtmlElementDescendants()) {
                    if (element instanceof HtmlInput input && !input.getNameAttribute().isEmpty()) {
                        parameters.add(new NameValuePair(input.getNameAttribute(), input.getValue()));
                    }
                }
                request.setRequestParameters(parameters);
                current = client.getPage(request);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return current;
    }

    /** POSTs a form to the application (e.g. /logout with the CSRF token). */
    public Page post(String url, List<NameValuePair> parameters) {
        try {
            WebRequest request = new WebRequest(URI.create(url).toURL(), HttpMethod.POST);
            request.setRequestParameters(parameters);
            return client.getPage(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests a URL without following redirects; returns the status and the Location. */
    public String[] getNoRedirect(String url) {
        client.getOptions().setRedirectEnabled(false);
        try {
            Page page = client.getPage(new URL(url));
            return new String[] {String.valueOf(page.getWebResponse().getStatusCode()),
                    String.valueOf(page.getWebResponse().getResponseHeaderValue("Location"))};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            client.getOptions().setRedirectEnabled(true);
        }
    }

    /** The value of a cookie this browser holds for the host, or null. */
    public String cookie(String name) {
        return client.getCookieManager().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    public static String describe(Page page) {
        return page.getUrl() + "\n" + (page instanceof HtmlPage html ? html.asNormalizedText()
                : page.getWebResponse().getContentAsString());
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * Keycloak sets its login cookies {@code Secure; SameSite=None} even on plain http. Browsers
     * treat http://127.0.0.1 as secure and send them back; HtmlUnit does not ("Restart login
     * cookie not found"). Test-only: keep 127.0.0.1 cookies as non-secure.
     */
    private static final class LoopbackCookieManager extends CookieManager {
        @Override
        public synchronized void addCookie(Cookie cookie) {
            Cookie stored = cookie;
            if (cookie.isSecure() && "127.0.0.1".equals(cookie.getDomain())) {
                stored = new Cookie(cookie.getDomain(), cookie.getName(), cookie.getValue(), cookie.getPath(),
                        cookie.getExpires(), false, cookie.isHttpOnly(), cookie.getSameSite());
            }
            super.addCookie(stored);
        }
    }
}
