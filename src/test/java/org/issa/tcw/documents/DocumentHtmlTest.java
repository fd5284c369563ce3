package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The allow-list keeps table markup (with colspan/rowspan) and drops everything that could run. */
class DocumentHtmlTest {

    @Test
    void table_markup_survives() {
        String table = "<table><tbody><tr><th><p>Country</p></th><th>Members</th></tr>"
                + "<tr><td colspan=\"2\" rowspan=\"3\"><p><strong>France</strong></p></td></tr></tbody></table>";
        assertThat(DocumentHtml.sanitize(table)).isEqualTo(table);
    }

    @Test
    void scripts_event_handlers_and_other_attributes_in_cells_are_removed() {
        String html = DocumentHtml.sanitize("<table onclick=\"alert(1)\" border=\"1\" style=\"color:red\"><tbody>"
                + "<tr onmouseover=\"alert(2)\"><th onclick=\"alert(3)\" scope=\"col\">H</th></tr>"
                + "<tr><td onmouseover=\"alert(4)\" style=\"background:url(javascript:alert(5))\" colspan=\"2\">"
                + "<script>alert(6)</script><img src=x onerror=alert(7)>cell<iframe src=\"https://evil\"></iframe></td>"
                + "</tr></tbody></table>");
        assertThat(html).isEqualTo("<table><tbody><tr><th>H</th></tr><tr><td colspan=\"2\">cell</td></tr></tbody></table>");
    }

    @Test
    void only_the_table_tags_the_renderer_produces_are_allowed() {
        String html = DocumentHtml.sanitize("<table><caption>c</caption><colgroup><col span=\"2\"></colgroup>"
                + "<thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>");
        assertThat(html).doesNotContain("<caption", "<colgroup", "<col ", "<thead", "<tfoot");
        assertThat(html).contains("<tr><th>h</th></tr>", "<tr><td>d</td></tr>");
    }
}
