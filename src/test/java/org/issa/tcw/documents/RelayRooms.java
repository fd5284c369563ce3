package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.List;

import org.issa.tcw.testsupport.SignIn;
import org.springframework.stereotype.Component;

/**
 * The relay tests' room: a new ICT document (created by chair-ict), the editors that join it as one
 * person or another, and their leaving after the test — the set-up every test of the co-editing
 * relay needs, in one place.
 */
@Component
public class RelayRooms {

    private final DocumentService documents;
    private final DocumentCollaboration relay;
    private final SignIn signIn;

    RelayRooms(DocumentService documents, DocumentCollaboration relay, SignIn signIn) {
        this.documents = documents;
        this.relay = relay;
        this.signIn = signIn;
    }

    /** A new draft in ICT titled {@code title} and a nanosecond stamp; chair-ict stays signed in. */
    public Room create(String title) {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle(title + " " + System.nanoTime());
        return new Room(documents.create("ICT", form));
    }

    /** One test's document and the editors joined to it. */
    public final class Room {

        private final long documentId;
        private final List<EditorConnection> joined = new ArrayList<>();

        private Room(long documentId) {
            this.documentId = documentId;
        }

        public long documentId() {
            return documentId;
        }

        /** A recording editor of {@code user}, joined. */
        public RecordingEditor open(String user) {
            return join(user, new RecordingEditor());
        }

        /** {@code editor} joined as {@code user} (signed in as them), to leave when the room closes. */
        public <E extends EditorConnection> E join(String user, E editor) {
            signIn.as(user);
            relay.join(documentId, editor);
            joined.add(editor);
            return editor;
        }

        /** An editor the test joined itself, to leave when the room closes. */
        public void track(EditorConnection editor) {
            joined.add(editor);
        }

        /** Every editor leaves (as chair-ict, who may), then nobody is signed in. */
        public void close() {
            signIn.as("chair-ict");
            joined.forEach(e -> relay.leave(documentId, e));
            signIn.out();
        }
    }
}
