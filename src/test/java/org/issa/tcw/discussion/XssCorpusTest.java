package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every payload of the corpus through the Markdown renderer: nothing executable comes out. */
class XssCorpusTest {

    @Test
    void the_corpus_has_at_least_a_hundred_payloads() {
        assertThat(XssPayloads.all()).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void the_checker_recognises_executable_html() {
        assertThat(XssPayloads.executable("<img src=x onerror=alert(1)>")).isNotEmpty();
        assertThat(XssPayloads.executable("<a href=\"javascript:alert(1)\" rel=\"nofollow\">x</a>")).isNotEmpty();
        assertThat(XssPayloads.executable("<p style=\"x\">x</p>")).isNotEmpty();
        assertThat(XssPayloads.executable("<p><strong>fine</strong></p>")).isEmpty();
    }

    @Test
    void no_payload_renders_to_anything_executable() {
        for (String payload : XssPayloads.all()) {
            String html = PostMarkdown.render(payload, java.util.Map.of("member-ict", "<img src=x onerror=alert(1)>"))
                    .html();
            List<String> findings = XssPayloads.executable(html);
            assertThat(findings).as("payload %s rendered as %s", payload, html).isEmpty();
        }
    }
}
