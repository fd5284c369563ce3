package org.issa.tcw.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.issa.tcw.search.Highlighted;
import org.issa.tcw.search.Highlighted.Part;
import org.issa.tcw.search.ItemKind;
import org.issa.tcw.search.SearchHit;
import org.junit.jupiter.api.Test;

/** Where a hit opens: a document at the words its snippet marks. */
class SearchLinksTest {

    @Test
    void a_document_hit_opens_at_the_words_its_snippet_marks() {
        Highlighted snippet = new Highlighted(List.of(new Part("… les prestations de ", false),
                new Part("sécurité", true), new Part(" et la ", false), new Part("Sécurité", true),
                new Part(" sociale & ", false), new Part("pensions", true)));
        assertThat(SearchLinks.href(hit(ItemKind.DOCUMENT, snippet)))
                .isEqualTo("documents/7?find=s%C3%A9curit%C3%A9&find=S%C3%A9curit%C3%A9&find=pensions");
    }

    @Test
    void a_document_found_by_its_title_only_opens_at_the_top() {
        assertThat(SearchLinks.href(hit(ItemKind.DOCUMENT, new Highlighted(List.of(new Part("text", false))))))
                .isEqualTo("documents/7");
        assertThat(SearchLinks.href(hit(ItemKind.THREAD, new Highlighted(List.of(new Part("w", true))))))
                .isEqualTo("discussions/7");
    }

    private static SearchHit hit(ItemKind kind, Highlighted snippet) {
        return new SearchHit(kind, 7, new Highlighted(List.of(new Part("Title", false))), snippet, 1L, "ICT", null,
                null, null, null);
    }
}
