package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timeline of each keystroke (ADR 114), joined by sequence number from its three witnesses:
 * the typing browser ({@code <tcw-editor>.timeline.sent}: keydown, Yjs update, push sent,
 * acknowledged), the relay ({@link KeystrokeTimeline}: received … acknowledged) and the watching
 * browser ({@code timeline.received}: received, applied, painted). All times are wall-clock
 * milliseconds of the same machine. Each row is one stage: the median and 95th percentile of its
 * duration over the keystrokes seen by all three.
 */
final class KeystrokeTimelineTable {

    /** One stage's durations, in the order of the table. */
    private final Map<String, List<Double>> rows = new LinkedHashMap<>();
    private int joined;

    private KeystrokeTimelineTable() {
    }

    int joined() {
        return joined;
    }

    /** The durations of the named stage (for tests). */
    List<Double> durations(String stage) {
        return rows.getOrDefault(stage, List.of());
    }

    static KeystrokeTimelineTable of(String typerJson, String watcherJson, List<KeystrokeTimeline.Entry> server) {
        JsonMapper json = JsonMapper.builder().build();
        Map<Long, JsonNode> sent = bySeq(json.readTree(typerJson).path("sent"));
        Map<Long, JsonNode> received = bySeq(json.readTree(watcherJson).path("received"));
        Map<Long, KeystrokeTimeline.Entry> relay = new HashMap<>();
        server.forEach(e -> relay.put(e.seq(), e));
        KeystrokeTimelineTable table = new KeystrokeTimelineTable();
        KeystrokeTimeline.Stage[] stages = KeystrokeTimeline.Stage.values();
        for (var s : sent.entrySet()) {
            KeystrokeTimeline.Entry r = relay.get(s.getKey());
            JsonNode peer = received.get(s.getKey());
            if (r == null || peer == null) {
                continue;
            }
            table.joined++;
            JsonNode a = s.getValue();
            table.add("typing browser: keydown → Yjs update (TipTap, y-prosemirror)", a, "keydown", a, "update");
            table.add("typing browser: Yjs update → push sent (waits for the push in flight)", a, "update", a, "send");
            table.add("push sent → relay received (Vaadin call, request thread)",
                    r.at()[0] - a.path("send").asDouble());
            // the relay's stages in the order they were passed (delivery before or after the commit)
            List<KeystrokeTimeline.Stage> order = new ArrayList<>(List.of(stages));
            order.removeIf(st -> r.at()[st.ordinal()] == 0);
            order.sort(Comparator.comparingDouble(st -> r.at()[st.ordinal()]));
            for (int i = 1; i < order.size(); i++) {
                table.add("relay: " + name(order.get(i - 1)) + " → " + name(order.get(i)),
                        r.at()[order.get(i).ordinal()] - r.at()[order.get(i - 1).ordinal()]);
            }
            if (r.checkCpuMillis() >= 0) {
                table.add("relay: received → checked, CPU time of the pushing thread (load-independent)",
                        r.checkCpuMillis());
            }
            double ackedAt = r.at()[KeystrokeTimeline.Stage.ACKED.ordinal()];
            table.add("relay acked → typing browser has the ack (response)", a.path("ack").asDouble() - ackedAt);
            int before = order.indexOf(KeystrokeTimeline.Stage.DELIVERED) - 1;
            if (before >= 0) {
                table.add("relay: " + name(order.get(before)) + " → watching browser received (fan-out, push, WebSocket)",
                        peer.path("receive").asDouble() - r.at()[order.get(before).ordinal()]);
            }
            table.add("watching browser: received → applied (Yjs, TipTap)", peer, "receive", peer, "applied");
            table.add("watching browser: applied → painted (next frame)", peer, "applied", peer, "painted");
            table.add("**keydown → watching browser applied**", a, "keydown", peer, "applied");
            table.add("**keydown → watching browser painted**", a, "keydown", peer, "painted");
        }
        return table;
    }

    private static String name(KeystrokeTimeline.Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }

    private static Map<Long, JsonNode> bySeq(JsonNode list) {
        Map<Long, JsonNode> map = new HashMap<>();
        for (JsonNode n : list) {
            map.put(n.path("seq").asLong(), n);
        }
        return map;
    }

    private void add(String stage, JsonNode from, String fromField, JsonNode to, String toField) {
        add(stage, to.path(toField).asDouble() - from.path(fromField).asDouble());
    }

    private void add(String stage, double millis) {
        rows.computeIfAbsent(stage, k -> new ArrayList<>()).add(millis);
    }

    /** A Markdown table: stage, n, median, p95 (ms). */
    String markdown() {
        StringBuilder out = new StringBuilder("| stage | n | median ms | p95 ms |\n|---|---:|---:|---:|\n");
        rows.forEach((stage, values) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f |%n", stage,
                values.size(), DocumentsBenchmark.percentile(values, 50), DocumentsBenchmark.percentile(values, 95))));
        return out.toString();
    }
}
