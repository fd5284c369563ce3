package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.documents.CatchUp;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.EditorConnection;
import org.issa.tcw.documents.JoinResult;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server half of {@code <tcw-editor>} (frontend/tcw-editor.ts): the Vaadin transport between
 * one open editor and the {@link DocumentCollaboration} relay. Every call from the browser goes
 * through the relay's own permission checks again; refusals come back as translated messages.
 */
@Tag("tcw-editor")
@JsModule("./tcw-editor-vaadin.ts")
@CssImport("./tcw-editor.css")
@NpmPackage(value = "yjs", version = "13.6.33")
@NpmPackage(value = "y-protocols", version = "1.0.7")
@NpmPackage(value = "@tiptap/core", version = "3.31.3")
@NpmPackage(value = "@tiptap/pm", version = "3.31.3")
@NpmPackage(value = "@tiptap/starter-kit", version = "3.31.3")
@NpmPackage(value = "@tiptap/extension-collaboration", version = "3.31.3")
@NpmPackage(value = "@tiptap/extension-collaboration-caret", version = "3.31.3")
// Table, TableRow, TableHeader and TableCell all come from this one package in TipTap 3.
@NpmPackage(value = "@tiptap/extension-table", version = "3.31.3")
@NpmPackage(value = "@tiptap/y-tiptap", version = "3.0.9")
// Suggestion mode (track changes): frontend/tcw-suggestions.ts, docs/adr/025.
@NpmPackage(value = "@handlewithcare/prosemirror-suggest-changes", version = "0.1.8")
// StarterKit's document, lists and blockquote, extended to allow suggestion node marks (tcw-suggestions.ts)
@NpmPackage(value = "@tiptap/extension-document", version = "3.31.3")
@NpmPackage(value = "@tiptap/extension-blockquote", version = "3.31.3")
@NpmPackage(value = "@tiptap/extension-list", version = "3.31.3")
// The npm registry of this workplace lacks the 3.11.1 tarball that Vaadin's build would pull in;
// an @NpmPackage also becomes an npm override, which pins the transitive version.
@NpmPackage(value = "@preact/signals-react", version = "3.11.0")
class CollaborativeEditor extends Component implements EditorConnection {

    static final List<String> TEXT_KEYS = List.of("connecting", "saved", "saving", "offline", "readOnly", "presence",
            "bold", "italic", "underline", "strike", "heading1", "heading2", "heading3", "bulletList", "orderedList",
            "blockquote", "link", "linkPrompt", "insertTable", "addRow", "deleteRow", "addColumn", "deleteColumn",
            "deleteTable", "undo", "redo", "incomplete", "comment", "toolbar", "text");
    /** The suggestion mode's strings (bundle {@code suggestions}, prefix {@code suggestions.editor.}). */
    static final List<String> SUGGESTION_TEXT_KEYS = List.of("editing", "suggesting", "mode", "suggestOnly",
            "suggestedBy");

    private final DocumentCollaboration collaboration;
    private final EditorSockets sockets;
    private final long documentId;
    /** The token of this editor's own socket while attached (ADR 117); null with the Vaadin transport. */
    private @Nullable String socketToken;
    private @Nullable UI ui;
    private @Nullable SuggestionService suggestions;
    private Runnable onSuggestionsChanged = () -> { };

    CollaborativeEditor(DocumentCollaboration collaboration, EditorSockets sockets, long documentId, String userName) {
        this.collaboration = collaboration;
        this.sockets = sockets;
        this.documentId = documentId;
        setId("editor");
        getElement().setProperty("docId", String.valueOf(documentId));
        getElement().setProperty("userName", userName);
    }

    /**
     * The document's last stored HTML (sanitised when it was derived), painted by the browser while
     * the editor joins and binds, so the text shows before the editor is ready.
     */
    void preview(String html) {
        // handed to the browser once, not kept as an element property: as a property it stayed in
        // the UI's state tree for as long as the editor was open, the largest thing an open editor
        // held on the server for a long document (ADR 112). The browser paints it only until the
        // editor is bound, so nothing needs it again.
        getElement().executeJs("this.preview = $0", html);
    }

    /** The editor's own strings, in the user's language. */
    private void sendTexts() {
        ObjectNode texts = new ObjectMapper().createObjectNode();
        Map<String, String> map = TEXT_KEYS.stream()
                .collect(Collectors.toMap(k -> k, k -> getTranslation("editor." + k)));
        map.forEach(texts::put);
        SUGGESTION_TEXT_KEYS.forEach(k -> texts.put(k, getTranslation("suggestions.editor." + k)));
        getElement().setPropertyJson("texts", texts);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        ui = event.getUI();
        sendTexts();
        offerSocket(event);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        ui = null;
        String token = socketToken;
        if (token != null) {
            socketToken = null;
            sockets.revoke(token);
        }
        collaboration.leave(documentId, this);
    }

    /**
     * With the socket transport (ADR 117) the browser gets the address of the editors' socket and a
     * token bound to this editor, the signed-in person, the HTTP session and the UI's language; the
     * co-editing messages then travel on that socket and this component only answers the Vaadin
     * calls the browser falls back to when the socket cannot open.
     */
    private void offerSocket(AttachEvent event) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var request = VaadinRequest.getCurrent();
        if (!sockets.enabled() || authentication == null || request == null) {
            getElement().removeProperty("socketToken");
            return;
        }
        String token = sockets.issue(documentId, authentication.getName(),
                event.getSession().getSession().getId(), event.getUI().getLocale());
        socketToken = token;
        getElement().setProperty("socketPath", request.getContextPath() + EditorSockets.PATH);
        getElement().setProperty("socketToken", token);
    }

    /** Suggestion mode: the person's id (author of their suggestions) and who is told of changes. */
    void suggestions(SuggestionService service, @Nullable Long personId, Runnable onChange) {
        this.suggestions = service;
        this.onSuggestionsChanged = onChange;
        if (personId != null) {
            getElement().setProperty("personId", personId.doubleValue());
        }
    }

    /** The words to mark and scroll to when the document opens (a search hit's passage). */
    void find(List<String> terms) {
        var array = new ObjectMapper().createArrayNode();
        terms.forEach(array::add);
        getElement().setPropertyJson("findTerms", array);
    }

    // ---------- browser -> server ----------

    /**
     * The editor saw the document's suggestions change: the list is refreshed (from the server's own
     * reading of the document); names of the given authors (person ids, comma-separated) are returned
     * for the editor's "suggested by" titles.
     */
    @ClientCallable
    Map<String, String> suggestionsChanged(String authorsCsv) {
        onSuggestionsChanged.run();
        if (suggestions == null || authorsCsv.isBlank()) {
            return Map.of();
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (String part : authorsCsv.split(",")) {
            try {
                ids.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                return Map.of();
            }
            if (ids.size() > 200) {
                break;
            }
        }
        Map<String, String> out = new java.util.HashMap<>();
        suggestions.authorNames(documentId, ids).forEach((id, name) -> out.put(String.valueOf(id), name));
        return out;
    }

    @ClientCallable
    JoinResult join() {
        return collaboration.join(documentId, this);
    }

    /** {@code lastSeq}: the last sequence number the editor has seen (the server checks it lost none). */
    @ClientCallable
    PushAnswer push(@Nullable String updateId, @Nullable String update, @Nullable String awareness, double clientId,
            double lastSeq) {
        return PushAnswer.of(() -> collaboration.push(documentId, this, updateId, update, awareness, (long) clientId,
                (long) lastSeq), e -> Feedback.message(this, e), key -> getTranslation(key));
    }

    /** The editor holds changes that wait for others it never received: ask the other editors. */
    @ClientCallable
    void missing() {
        collaboration.missing(documentId, this);
    }

    @ClientCallable
    CatchUp since(double afterSeq) {
        return collaboration.since(documentId, (long) afterSeq);
    }

    // ---------- server -> browser (called by the relay, under the document's lock) ----------

    @Override
    public void deliver(long seq, String updateBase64) {
        send(() -> getElement().callJsFunction("receiveUpdate", (double) seq, updateBase64));
    }

    @Override
    public void presence(String awarenessBase64) {
        send(() -> getElement().callJsFunction("receivePresence", awarenessBase64));
    }

    @Override
    public void left(List<Long> clientIds) {
        String csv = clientIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        send(() -> getElement().callJsFunction("peersLeft", csv));
    }

    @Override
    public void reconcile() {
        send(() -> getElement().callJsFunction("reconcile"));
    }

    /** Queues the message for this editor's UI (sent with the next push); never blocks. */
    private void send(Command command) {
        UI target = ui;
        if (target == null) {
            return;
        }
        try {
            target.access(command);
        } catch (UIDetachedException e) {
            collaboration.leave(documentId, this);
        }
    }
}
