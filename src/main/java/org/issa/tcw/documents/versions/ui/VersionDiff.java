package org.issa.tcw.documents.versions.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.Base64;
import org.issa.tcw.documents.DocumentDeletions;
import org.issa.tcw.documents.versions.DiffStates;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read-only comparison editor ({@code <tcw-version-diff>}, frontend/tcw-version-diff.ts), fed
 * the two states (the newer one possibly as the document's current log, which the element
 * merges); it has no connection to the live document. {@code authors}: who wrote with which Yjs
 * clients, for the per-author colours and their legend (docs/adr/090); {@code deletions}: who deleted
 * which runs of items, [client, clock, length, person id or null] (docs/adr/091); {@code
 * unrecordedLabel}: the legend's entry for changes whose author was not recorded.
 */
@Tag("tcw-version-diff")
@JsModule("./tcw-version-diff-loader.ts")
@CssImport("./tcw-version-diff.css")
class VersionDiff extends Component {

    VersionDiff(DiffStates states, String unrecordedLabel) {
        // The comparison's code (TipTap, Yjs) is not in the document page's route chunk: it is
        // loaded when a comparison is shown, and defines the element then (docs/adr/028).
        getElement().executeJs("window.tcwLoadVersionDiff().catch(e => console.warn('tcw-version-diff: not loaded', e))");
        Base64.Encoder b64 = Base64.getEncoder();
        getElement().setProperty("beforeState", b64.encodeToString(states.before()));
        if (states.afterIsV2()) {
            getElement().setProperty("afterState", b64.encodeToString(states.after().getFirst()));
        } else {
            getElement().setProperty("afterUpdates", String.join(",", states.after().stream().map(b64::encodeToString)
                    .toList()));
        }
        ObjectMapper json = new ObjectMapper();
        ArrayNode authors = json.createArrayNode();
        for (DiffStates.Author a : states.authors()) {
            ObjectNode o = authors.addObject().put("id", String.valueOf(a.personId())).put("name", a.name())
                    .put("color", a.color());
            ArrayNode clients = o.putArray("clients");
            a.clients().forEach(clients::add);
        }
        getElement().setPropertyJson("authors", authors);
        ArrayNode deletions = json.createArrayNode();
        for (DocumentDeletions.Run run : states.deletions()) {
            ArrayNode r = deletions.addArray().add(run.client()).add(run.clock()).add(run.length());
            if (run.personId() == null) {
                r.addNull();
            } else {
                r.add(String.valueOf(run.personId()));
            }
        }
        getElement().setPropertyJson("deletions", deletions);
        getElement().setProperty("unrecordedLabel", unrecordedLabel);
    }

    /** The accessible name of the compared text (a read-only {@code role="textbox"}), translated. */
    void setLabel(String label) {
        getElement().setProperty("label", label);
    }
}
