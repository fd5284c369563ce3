package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.issa.tcw.documents.suggestions.SuggestOnlyService;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/**
 * Refusals of the document services' inner checks: another commission's documents can be
 * neither read (text, log, suggestions, settings) nor loaded, counted or followed. The
 * methods they guard are listed in InnerCheckGuards (checked against the code by InnerChecksTest).
 */
@SpringTest
class DocumentInnerChecksTest {

    @Autowired
    SignIn signIn;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    SuggestionReadings readings;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    SuggestOnlyService suggestOnly;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void review_of_another_commissions_document_is_refused() {
        DocumentForm form = ictDocument("Inner checks review " + System.nanoTime());
        long id = documents.create("ICT", form);
        assertThat(suggestions.list(id)).isEmpty();
        assertThat(documents.markedUp(id).text()).isEmpty();
        assertThat(suggestOnly.settings(id).personIds()).isEmpty();
        int entries = relay.read(id, log -> log.size());
        assertThat(entries).isPositive();
        assertThat(readings.read(id).suggestions()).isEmpty();

        signIn.as("member-fam");
        assertThatThrownBy(() -> relay.read(id, log -> log.size())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> readings.read(id))
                .as("refused before the kept reading is looked at").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.anchorRange(id, "AA==", "AA==")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.markedUp(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> suggestions.list(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> suggestions.authorNames(id, java.util.Set.of(1L))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> suggestOnly.settings(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(suggestions.mayReview(id)).isFalse();
    }

    @Test
    void documents_of_other_commissions_can_neither_be_loaded_nor_counted_nor_followed() {
        DocumentForm form = ictDocument("Inner checks " + System.nanoTime());
        long id = documents.create("ICT", form);
        assertThat(documents.load(id).getTitle()).isEqualTo(form.getTitle());
        long ictCount = documents.countMine();
        assertThat(relay.openEditors(id)).isZero();

        signIn.as("member-fam");
        assertThatThrownBy(() -> documents.load(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(documents.countMine()).isEqualTo(documents.mine(PageRequest.of(0, 500)).size());
        assertThat(documents.mine(PageRequest.of(0, 500))).noneMatch(r -> r.id() == id);
        assertThatThrownBy(() -> relay.openEditors(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> relay.missing(id, new RecordingEditor())).isInstanceOf(AccessDeniedException.class);
        assertThat(ictCount).isPositive();
    }

    /** The form of a new ICT document, signed in as an ICT member (who may create it). */
    private DocumentForm ictDocument(String title) {
        signIn.as("member-ict");
        var form = new DocumentForm();
        form.setTitle(title);
        form.setKind(DocumentKind.OTHER);
        form.setLanguage(WorkingLanguage.EN);
        return form;
    }
}
