package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * Security regression (issue 11, finding 1): a thread may be attached only to a project, document
 * or event that exists, belongs to the thread's commission and that the caller may read; the label
 * is always the record's own name, never the one a client sent.
 */
@SpringTest
class AnchorCheckTest {

    @Autowired
    DiscussionService discussions;
    @Autowired
    ModerationService moderation;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    SignIn signIn;

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void a_thread_on_a_document_of_its_own_commission_is_labelled_with_the_documents_title() {
        var document = fixture.document("ICT");
        long thread = fixture.thread("member-ict", "ICT", "On the draft " + System.nanoTime(), "Body",
                new Anchor(AnchorType.DOCUMENT, document.getId(), "Forged label"));
        fixture.as("observer-ict");
        var stored = discussions.thread(thread);
        assertThat(stored.anchorType()).isEqualTo(AnchorType.DOCUMENT);
        assertThat(stored.anchorId()).isEqualTo(document.getId());
        assertThat(stored.anchorLabel()).isEqualTo(document.getTitle());
    }

    @Test
    void a_member_of_fam_cannot_attach_a_fam_thread_to_an_ict_document_or_project() {
        long fam = fixture.commissionId("FAM");
        String title = "Injected " + System.nanoTime();
        for (Anchor forged : new Anchor[] {
                new Anchor(AnchorType.DOCUMENT, fixture.document("ICT").getId(), "Looks legitimate"),
                new Anchor(AnchorType.PROJECT, fixture.project("ICT").getId(), "Looks legitimate")}) {
            assertThatThrownBy(() -> fixture.thread("member-fam", "FAM", title, "Body", forged)).as(forged.toString())
                    .isInstanceOf(UserFacingException.class)
                    .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo(AnchorCheck.REFUSED);
            fixture.as("member-fam");
            assertThatThrownBy(() -> discussions.anchor(fam, forged.type(), forged.id()))
                    .isInstanceOf(UserFacingException.class);
        }
        fixture.as("secretariat");
        assertThat(discussions.threads(fam, title, PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void an_anchor_that_does_not_exist_is_refused_like_a_foreign_one() {
        assertThatThrownBy(() -> fixture.thread("member-ict", "ICT", "Nowhere", "Body",
                Anchor.to(AnchorType.DOCUMENT, 987_654_321L))).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo(AnchorCheck.REFUSED);
        assertThatThrownBy(() -> fixture.thread("member-ict", "ICT", "Nowhere", "Body",
                Anchor.to(AnchorType.EVENT, 987_654_321L))).isInstanceOf(UserFacingException.class);
    }

    @Test
    void the_triennium_events_belong_to_every_commission() {
        var event = fixture.event();
        long thread = fixture.thread("member-fam", "FAM", "Forum " + System.nanoTime(), "Body",
                new Anchor(AnchorType.EVENT, event.getId(), "Forged"));
        fixture.as("member-fam");
        assertThat(discussions.thread(thread).anchorLabel()).isEqualTo(event.getTitle());
    }

    @Test
    void moving_checks_the_anchor_against_the_threads_commission() {
        long thread = fixture.thread("chair-ict", "ICT", "To move " + System.nanoTime());
        fixture.as("chair-ict");
        var famProject = fixture.project("FAM");
        fixture.as("chair-ict");
        assertThatThrownBy(() -> moderation.move(thread, new Anchor(AnchorType.PROJECT, famProject.getId(), "x")))
                .isInstanceOf(UserFacingException.class);
        assertThat(discussions.thread(thread).anchorType()).isNull();

        var ictProject = fixture.project("ICT");
        fixture.as("chair-ict");
        moderation.move(thread, new Anchor(AnchorType.PROJECT, ictProject.getId(), "Free text"));
        assertThat(discussions.thread(thread).anchorLabel()).isEqualTo(ictProject.getTitle());
        moderation.move(thread, null);
        assertThat(discussions.thread(thread).anchorType()).isNull();
    }
}
