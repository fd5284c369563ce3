package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostMarkdownTest {

    @Test
    void renders_the_markdown_people_write() {
        String html = PostMarkdown.render("""
                **bold** and *italic* and `code`

                - one
                - two

                1. first

                | a | b |
                |---|:-:|
                | 1 | 2 |

                ```
                block
                ```

                > quoted
                """);
        assertThat(html).contains("<strong>bold</strong>", "<em>italic</em>", "<code>code</code>", "<ul>",
                "<li>one</li>", "<ol>", "<table>", "<th>a</th>", "<td align=\"center\">2</td>", "<pre><code>block",
                "<blockquote>");
    }

    @Test
    void links_and_autolinks_get_nofollow_noopener() {
        String html = PostMarkdown.render("[site](https://www.issa.int) and https://example.org/x");
        assertThat(html).contains("<a href=\"https://www.issa.int\" rel=\"nofollow noopener\">site</a>")
                .contains("<a href=\"https://example.org/x\" rel=\"nofollow noopener\">https://example.org/x</a>");
    }

    @Test
    void raw_html_is_shown_as_text_never_passed_through() {
        String html = PostMarkdown.render("<b onclick=\"x()\">hi</b> <script>alert(1)</script>");
        assertThat(html).doesNotContain("<b").doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void mentions_of_known_members_are_marked_outside_code_and_links() {
        var rendered = PostMarkdown.render("Hi @Member-ICT, see `@member-ict` and [@member-ict](https://x.org) "
                + "and mail a@member-ict.org", Map.of("member-ict", "David Okafor"));
        assertThat(rendered.mentions()).containsExactly("member-ict");
        assertThat(rendered.html()).containsOnlyOnce("tcw-mention").contains("<code>@member-ict</code>");
    }

    @Test
    void unknown_mentions_stay_plain_text() {
        var rendered = PostMarkdown.render("Hello @someone", Map.of("member-ict", "David Okafor"));
        assertThat(rendered.mentions()).isEmpty();
        assertThat(rendered.html()).isEqualTo("<p>Hello @someone</p>");
    }
}
