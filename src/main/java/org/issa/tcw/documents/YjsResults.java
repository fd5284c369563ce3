package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.issa.tcw.documents.YjsEngine.Anchor;
import org.issa.tcw.documents.YjsEngine.AnchorRange;
import org.issa.tcw.documents.YjsEngine.AnchoredContent;
import org.issa.tcw.documents.YjsEngine.Check;
import org.issa.tcw.documents.YjsEngine.Rendering;
import org.issa.tcw.documents.YjsEngine.SuggestOnlyVerdict;
import tools.jackson.databind.JsonNode;

/** {@link YjsEngine}'s answers from the JavaScript side (JSON) read into its records. */
final class YjsResults {

    private YjsResults() {
    }

    /** Text, HTML (sanitised here, whatever the engine produced) and Yjs XML. */
    static Rendering rendering(JsonNode r) {
        return new Rendering(r.get("text").asString(), DocumentHtml.sanitize(r.get("html").asString()),
                r.get("xml").asString());
    }

    static Check check(JsonNode r) {
        Map<Long, Long> missing = new TreeMap<>();
        r.get("missing").properties().forEach(e -> missing.put(Long.parseLong(e.getKey()), e.getValue().asLong()));
        return new Check(r.get("complete").asBoolean(), missing, r.get("pendingDeletes").asBoolean());
    }

    static AnchorRange anchorRange(JsonNode r) {
        return r.get("valid").asBoolean()
                ? new AnchorRange(true, r.get("from").asInt(), r.get("to").asInt(), r.get("text").asString(),
                        r.path("broken").asBoolean(false))
                : new AnchorRange(false, -1, -1, "", false);
    }

    /** A JSON array of base64 updates. */
    static List<byte[]> updates(JsonNode updates) {
        List<byte[]> list = new ArrayList<>(updates.size());
        updates.forEach(u -> list.add(Base64.getDecoder().decode(u.asString())));
        return list;
    }

    /** Per update, the flat {@code client, clock, length} runs of what it deletes. */
    static List<long[]> deleteSets(JsonNode r) {
        List<long[]> out = new ArrayList<>(r.size());
        for (JsonNode u : r) {
            long[] runs = new long[u.size()];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = u.get(i).asLong();
            }
            out.add(runs);
        }
        return out;
    }

    static AnchoredContent anchoredContent(JsonNode r) {
        Map<String, Anchor> anchors = new LinkedHashMap<>();
        for (JsonNode a : r.get("anchors")) {
            anchors.put(a.get("id").asString(), new Anchor(a.get("from").asString(), a.get("to").asString()));
        }
        return new AnchoredContent(Base64.getDecoder().decode(r.get("update").asString()), Map.copyOf(anchors));
    }

    static SuggestOnlyVerdict verdict(JsonNode r) {
        return new SuggestOnlyVerdict(r.get("allowed").asBoolean(),
                r.get("reason").isNull() ? null : r.get("reason").asString(), r.get("millis").asLong());
    }
}
