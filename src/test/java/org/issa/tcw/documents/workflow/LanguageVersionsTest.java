package org.issa.tcw.documents.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Language versions (X5): a translation linked to its source records the source version it was
 * made from and is flagged "source changed since" when the source changes afterwards, until marked
 * up to date; who may link, and the links that are refused with nothing changed.
 */
@SpringTest
class LanguageVersionsTest {

    @Autowired
    LanguageVersions languages;
    @Autowired
    DocumentService documents;
    @Autowired
    SignIn signIn;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    long document(String user, String commission, WorkingLanguage language) {
        signIn.as(user);
        DocumentForm form = new DocumentForm();
        form.setTitle("Language test " + language + " " + System.nanoTime());
        form.setLanguage(language);
        return documents.create(commission, form);
    }

    LanguageVersion version(long family, long documentId) {
        return languages.family(family).stream().filter(v -> v.documentId() == documentId).findFirst().orElseThrow();
    }

    @Test
    void a_translation_is_flagged_when_its_source_changes_after_it_was_made_until_marked_up_to_date() {
        long en = document("chair-ict", "ICT", WorkingLanguage.EN);
        DocumentFixtures.type(context, en, "Original text", false);
        long fr = document("member-ict", "ICT", WorkingLanguage.FR);
        languages.link(fr, en);

        signIn.as("observer-ict");
        List<LanguageVersion> family = languages.family(fr);
        assertThat(family).extracting(LanguageVersion::language).containsExactly(WorkingLanguage.EN, WorkingLanguage.FR);
        assertThat(family.get(0).source()).isTrue();
        assertThat(version(en, fr).stale()).isFalse();
        assertThat(version(en, fr).sourceVersionId()).isNotNull();

        DocumentFixtures.type(context, en, " changed", false);
        assertThat(version(en, fr).stale()).isTrue();
        assertThat(version(en, en).stale()).isFalse();
        // changing the translation itself does not make it current
        DocumentFixtures.type(context, fr, "Texte", false);
        assertThat(version(fr, fr).stale()).isTrue();

        signIn.as("member-ict");
        long before = version(en, fr).sourceVersionId();
        languages.markUpToDate(fr);
        assertThat(version(en, fr).stale()).isFalse();
        assertThat(version(en, fr).sourceVersionId()).isNotEqualTo(before);
    }

    @Test
    void who_may_link_and_what_is_refused() {
        long en = document("chair-ict", "ICT", WorkingLanguage.EN);
        long fr = document("chair-ict", "ICT", WorkingLanguage.FR);
        long otherEn = document("chair-ict", "ICT", WorkingLanguage.EN);
        long es = document("chair-ict", "ICT", WorkingLanguage.ES);
        long fam = document("member-fam", "FAM", WorkingLanguage.DE);

        signIn.as("observer-ict");
        assertThatThrownBy(() -> languages.link(fr, en)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("translation.refused");
        assertThat(languages.mayTranslate(fr)).isFalse();
        signIn.as("member-fam");
        assertThatThrownBy(() -> languages.link(fr, en)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("translation.refused");
        assertThatThrownBy(() -> languages.family(en)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> languages.link(fam, en)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("translation.invalid.commission");

        signIn.as("chair-ict");
        assertThat(languages.mayTranslate(fr)).isTrue();
        assertThatThrownBy(() -> languages.link(otherEn, en)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("translation.invalid.language");
        assertThatThrownBy(() -> languages.link(en, en)).isInstanceOf(UserFacingException.class);
        languages.link(fr, en);
        assertThatThrownBy(() -> languages.link(es, fr)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("translation.invalid.family");
        assertThatThrownBy(() -> languages.link(fr, en)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("translation.invalid.family");
        assertThat(languages.family(en)).hasSize(2);

        signIn.as("observer-ict");
        assertThatThrownBy(() -> languages.unlink(fr)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("translation.refused");
        assertThatThrownBy(() -> languages.markUpToDate(fr)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("translation.refused");
        signIn.as("chair-ict");
        languages.unlink(fr);
        assertThat(languages.family(en)).hasSize(1);
        assertThatThrownBy(() -> languages.unlink(fr)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("translation.not-linked");
    }
}
