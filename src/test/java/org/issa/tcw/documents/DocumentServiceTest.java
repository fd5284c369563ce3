package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.issa.tcw.base.ConcurrentEditException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

/** Creating, listing, describing and deleting documents, with who may do what. */
@SpringTest
class DocumentServiceTest {

    @Autowired
    DocumentService documents;
    @Autowired
    SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    static DocumentForm form(String title, DocumentKind kind, WorkingLanguage language) {
        DocumentForm form = new DocumentForm();
        form.setTitle(title);
        form.setKind(kind);
        form.setLanguage(language);
        return form;
    }

    @Test
    void a_member_creates_a_document_that_the_commission_sees_and_others_do_not() {
        signIn.as("member-ict");
        String title = "Guideline on data exchange " + System.nanoTime();
        long id = documents.create("ICT", form(title, DocumentKind.GUIDELINE, WorkingLanguage.FR));
        DocumentHeader header = documents.open(id);
        assertThat(header.title()).isEqualTo(title);
        assertThat(header.language()).isEqualTo(WorkingLanguage.FR);
        assertThat(header.commissionCode()).isEqualTo("ICT");
        assertThat(header.editable()).isTrue();
        assertThat(header.deletable()).as("the author may delete").isTrue();
        var page = documents.page("ICT", PageRequest.of(0, 100, Sort.by(Sort.Direction.DESC, "updatedAt")));
        assertThat(page).anySatisfy(r -> {
            assertThat(r.title()).isEqualTo(title);
            assertThat(r.lastEditedBy()).isEqualTo("David Okafor");
        });
        assertThat(documents.mine(PageRequest.of(0, 500))).anyMatch(r -> r.id() == id && r.commissionCode().equals("ICT"));

        signIn.as("observer-ict");
        assertThat(documents.open(id).editable()).isFalse();
        assertThat(documents.open(id).deletable()).isFalse();
        assertThatThrownBy(() -> documents.delete(id)).isInstanceOf(AccessDeniedException.class);

        signIn.as("member-fam");
        assertThatThrownBy(() -> documents.open(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.page("ICT", PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThat(documents.mine(PageRequest.of(0, 500))).noneMatch(r -> r.id() == id);
        assertThatThrownBy(() -> documents.text(id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void observers_and_other_commissions_cannot_create_documents() {
        signIn.as("observer-ict");
        assertThatThrownBy(() -> documents.create("ICT", form("Nope", DocumentKind.OTHER, WorkingLanguage.EN)))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as("member-fam");
        assertThatThrownBy(() -> documents.create("ICT", form("Nope", DocumentKind.OTHER, WorkingLanguage.EN)))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as("secretariat");
        assertThat(documents.create("ICT", form("By the secretariat", DocumentKind.OTHER, WorkingLanguage.EN))).isPositive();
    }

    @Test
    void a_document_needs_a_title_and_nothing_is_stored_without_one() {
        signIn.as("chair-ict");
        long before = documents.count("ICT");
        assertThatThrownBy(() -> documents.create("ICT", form("  ", DocumentKind.OTHER, WorkingLanguage.EN)))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("validation.required");
        assertThat(documents.count("ICT")).isEqualTo(before);
    }

    @Test
    void renaming_with_a_stale_form_is_refused() {
        signIn.as("chair-ict");
        long id = documents.create("ICT", form("Minutes of the March meeting", DocumentKind.MEETING_MINUTES,
                WorkingLanguage.EN));
        DocumentForm first = documents.load(id);
        DocumentForm second = documents.load(id);
        first.setTitle("Minutes of the 12 March meeting");
        documents.describe(first);
        second.setTitle("Something else");
        assertThatThrownBy(() -> documents.describe(second)).isInstanceOf(ConcurrentEditException.class);
        assertThat(documents.open(id).title()).isEqualTo("Minutes of the 12 March meeting");
        signIn.as("observer-ict");
        DocumentForm observers = documents.load(id);
        observers.setTitle("Observed");
        assertThatThrownBy(() -> documents.describe(observers)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_chair_deletes_a_members_document() {
        signIn.as("member-ict");
        long id = documents.create("ICT", form("Draft to drop", DocumentKind.OTHER, WorkingLanguage.ES));
        signIn.as("chair-ict");
        documents.delete(id);
        assertThatThrownBy(() -> documents.open(id)).isInstanceOf(org.issa.tcw.base.NotFoundException.class);
    }
}
