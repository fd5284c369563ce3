package org.issa.tcw.discussion.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import org.issa.tcw.base.UserText;
import org.issa.tcw.discussion.Anchor;
import org.issa.tcw.discussion.AnchorType;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.discussion.XssPayloadsAccess;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The XSS corpus through the whole path a user's text takes: stored by the service as a thread
 * title, an anchor name and a post, then shown by the thread page. Titles and names must arrive as
 * exactly the text typed (set as text, never parsed); the only HTML the page sets (post bodies)
 * must contain nothing executable.
 */
class XssThroughViewsTest extends KaribuTest {

    @Autowired
    DiscussionFixture fixture;

    @Test
    void no_payload_reaches_the_page_as_anything_but_text_or_inert_html() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        var document = fixture.document("ICT");
        for (String payload : XssPayloadsAccess.all()) {
            // as a title, control and direction characters are refused (HostileNamesTest): use the rest
            String title = UserText.sanitize(payload);
            if (title.length() > 200) {
                title = title.substring(0, 200).strip();
            }
            // an anchor label sent by a client is ignored: the document's own title is shown
            long thread = fixture.thread("member-ict", "ICT", title, payload,
                    new Anchor(AnchorType.DOCUMENT, document.getId(), title));
            fixture.as("observer-ict");
            navigate("discussions/" + thread);
            String shownTitle = _get(H2.class, spec -> spec.withId("thread-title")).getText();
            if (!shownTitle.equals(title.trim())) {
                problems.add("title changed: " + payload + " -> " + shownTitle);
            }
            String shownLabel = _get(Span.class, spec -> spec.withId("anchor-label")).getText();
            if (!shownLabel.endsWith(document.getTitle())) {
                problems.add("label changed: " + payload + " -> " + shownLabel);
            }
            scan(UI.getCurrent().getElement(), payload, problems);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(100);
        assertThat(problems).isEmpty();
    }

    /** Every element property that browsers parse as HTML, and every attribute, must be inert. */
    private static void scan(Element element, String payload, List<String> problems) {
        if (element.isTextNode()) {
            return;
        }
        for (String property : element.getPropertyNames().toList()) {
            if (property.equals("innerHTML") || property.equals("outerHTML")) {
                List<String> found = XssPayloadsAccess.executable(element.getProperty(property, ""));
                if (!found.isEmpty()) {
                    problems.add(payload + " -> " + found);
                }
            }
        }
        for (String attribute : element.getAttributeNames().toList()) {
            if (attribute.toLowerCase().startsWith("on") || attribute.equalsIgnoreCase("srcdoc")) {
                problems.add(payload + " -> attribute " + attribute);
            }
            String value = element.getAttribute(attribute);
            if (value != null && value.replaceAll("\\s", "").toLowerCase().startsWith("javascript:")) {
                problems.add(payload + " -> " + attribute + "=" + value);
            }
        }
        element.getChildren().forEach(child -> scan(child, payload, problems));
    }
}
