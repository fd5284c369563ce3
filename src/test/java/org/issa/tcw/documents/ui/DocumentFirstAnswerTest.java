package org.issa.tcw.documents.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.communication.UidlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.issa.tcw.discussion.AnchorType;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.consultation.Audience;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.RoundForm;
import org.issa.tcw.documents.versions.DocumentVersions;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.UiPolling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The document page's first answer (ADR 092): what the browser gets with the page carries no form
 * field, picker, upload or dialog the reader does not see at first — the consultation and History
 * panels and the discussion panel are built once the browser painted the content, the steps taken
 * when their summary is opened, the comment filter with the comments. Also writes the first
 * answer's size and component count to {@code target/bench/document-first-answer.txt} (counts,
 * independent of the machine's load), for the benchmark notes.
 */
class DocumentFirstAnswerTest extends KaribuTest {

    /** Components the page only shows after a click, or after its first frame, never in the first answer. */
    static final List<Class<? extends Component>> NOT_AT_FIRST = List.of(DatePicker.class, Upload.class,
            MultiSelectComboBox.class, ComboBox.class, RadioButtonGroup.class, Select.class, TextArea.class,
            TextField.class, IntegerField.class, FormLayout.class, Dialog.class, ConfirmDialog.class);

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentVersions versions;
    @Autowired
    ConsultationService consultations;
    @Autowired
    DiscussionFixture discussion;

    /** A document with a named version, an open consultation round and a discussion thread. */
    long reviewedDocument() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("First answer " + System.nanoTime());
        long id = documents.create("ICT", form);
        signIn.out();
        DocumentFixtures.type(context, id, "Identity must be inclusive.", false);
        signIn.as("chair-ict");
        versions.name(id, "Sent to the Bureau");
        RoundForm round = new RoundForm();
        round.setAudience(Audience.COMMISSION);
        round.setDeadline(LocalDate.now(ZoneOffset.UTC).plusDays(3));
        round.setIntroduction("Tell us.");
        consultations.open(id, round);
        signIn.out();
        discussion.thread("chair-ict", "ICT", "About the draft", "Comments welcome",
                new org.issa.tcw.discussion.Anchor(AnchorType.DOCUMENT, id, form.getTitle()));
        return id;
    }

    @Test
    void the_first_answer_of_the_document_page_has_no_field_picker_upload_or_dialog() throws IOException {
        long id = reviewedDocument();
        signInAs("chair-ict");
        navigate("");
        UI ui = UI.getCurrent();
        answer(ui); // what the home page sent

        navigate("documents/" + id);
        int firstBytes = answer(ui).length();
        int firstNodes = stateNodes(ui);
        DocumentEditorView page = _get(DocumentEditorView.class);
        Map<String, Integer> firstTags = tags(page);
        Path out = Path.of("target", "bench", "document-first-answer.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "The document page's first answer (chair-ict; a document with a named version, an open"
                + " consultation round and a discussion thread; Karibu, UidlWriter, MainLayout already shown)\n"
                + "first answer: " + firstBytes + " bytes of UIDL JSON, " + firstNodes + " state nodes in the UI\n"
                + "visible elements of the document page by tag (MainLayout not counted): " + firstTags + "\n");
        assertThat(_find(Div.class, spec -> spec.withId("document-side"))).hasSize(1);
        for (Class<? extends Component> type : NOT_AT_FIRST) {
            assertThat(_find(page, type)).as("%s in the first answer", type.getSimpleName()).isEmpty();
        }
        assertThat(_find(Component.class, spec -> spec.withId("document-history"))).isEmpty();
        assertThat(_find(Component.class, spec -> spec.withId("consultation-panel"))).isEmpty();
        assertThat(_find(Component.class, spec -> spec.withId("discussion-panel"))).isEmpty();
        assertThat(_find(Component.class, spec -> spec.withId("workflow-history"))).isEmpty();

        // once the content is painted, everything is there without a click
        contentPainted();
        contentPainted(); // (the browser's fallback timer may report it twice: built once)
        int laterBytes = answer(ui).length();
        _get(DatePicker.class, spec -> spec.withId("consultation-new-deadline"));
        _get(ComboBox.class, spec -> spec.withId("version-from"));
        _get(TextField.class, spec -> spec.withId("version-name"));
        assertThat(_find(Component.class, spec -> spec.withId("document-history"))).hasSize(1);
        assertThat(_find(Component.class, spec -> spec.withId("consultation-panel"))).hasSize(1);
        _get(Div.class, spec -> spec.withId("discussion-panel"));
        UiPolling.awaitUi(Duration.ofSeconds(30),
                () -> !_find(RadioButtonGroup.class, spec -> spec.withId("comment-filter")).isEmpty());
        assertThat(_get(Div.class, spec -> spec.withId("document-side")).getChildren()
                .map(c -> c.getId().orElse("")).toList())
                .containsExactly("consultation-panel", "suggestions", "comment-panel", "document-history");
        // the steps taken: built when their summary opens
        _get(Details.class, spec -> spec.withId("workflow-history-details")).setOpened(true);
        _get(Div.class, spec -> spec.withId("workflow-history"));
        int allNodes = stateNodes(ui);

        Files.writeString(out, "after the first paint: " + laterBytes + " bytes more; " + allNodes
                + " state nodes in the UI with everything built (the steps taken opened)\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** The UIDL the UI would send now (its changes since the last answer), as JSON text. */
    private static String answer(UI ui) {
        return new UidlWriter().createUidl(ui, false).toString();
    }

    private static int stateNodes(UI ui) {
        var count = new AtomicInteger();
        ui.getInternals().getStateTree().getRootNode().visitNodeTree(node -> count.incrementAndGet());
        return count.get();
    }

    private static Map<String, Integer> tags(Component page) {
        Map<String, Integer> tags = new TreeMap<>();
        count(page.getElement(), tags);
        return tags;
    }

    private static void count(com.vaadin.flow.dom.Element element, Map<String, Integer> tags) {
        if (element.isTextNode() || !element.isVisible()) {
            return;
        }
        tags.merge(element.getTag(), 1, Integer::sum);
        element.getChildren().forEach(child -> count(child, tags));
    }
}
