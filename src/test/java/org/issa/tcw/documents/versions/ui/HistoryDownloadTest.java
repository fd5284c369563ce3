package org.issa.tcw.documents.versions.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.menubar.MenuBar;
import java.time.Duration;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.versions.DocumentVersions;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.UiPolling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The History panel's download of a version, as Word and as PDF, named after the version. */
class HistoryDownloadTest extends KaribuTest {

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentVersions versions;
    @Autowired
    YjsEngine engine;

    @Test
    void an_observer_downloads_a_named_version_as_word_and_pdf_from_the_history() {
        signInAs("member-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("History download " + System.nanoTime());
        form.setKind(DocumentKind.GUIDELINE);
        form.setLanguage(WorkingLanguage.EN);
        long id = documents.create("ICT", form);
        relay.change(id, CommissionAction.EDIT_DRAFT, log -> engine.typeText(log, "Sent to the Bureau", true).join());
        long version = versions.name(id, "Sent on 3 March");

        signInAs("observer-ict");
        navigate("documents/" + id);
        MenuBar menu = _get(MenuBar.class, spec -> spec.withId("version-download-" + version));
        ContextMenuKt._clickItemWithID(menu, "version-download-" + version + "-docx");
        UiPolling.awaitUi(Duration.ofSeconds(90),
                () -> !_find(Anchor.class, spec -> spec.withId("version-download-" + version + "-link")).isEmpty());
        assertThat(_get(Anchor.class, spec -> spec.withId("version-download-" + version + "-link")).getText())
                .contains("Sent on 3 March").endsWith(".docx");
        ContextMenuKt._clickItemWithID(menu, "version-download-" + version + "-pdf");
        UiPolling.awaitUi(Duration.ofSeconds(90),
                () -> _find(Anchor.class, spec -> spec.withId("version-download-" + version + "-link")).stream()
                        .anyMatch(a -> a.getText().endsWith(".pdf")));
        // the current text's menu is still the page's own
        assertThat(_find(MenuBar.class, spec -> spec.withId("download"))).hasSize(1);
    }
}
