package org.issa.tcw.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The hand-encoded updates of the load test are real Yjs: applied by the real yjs (the copy the
 * application's build installs for its server-side engine) to a document that already has content,
 * two virtual people's updates give each a paragraph with exactly what they typed, and the
 * awareness updates decode to the states they carry. Needs Node and that yjs: without them it
 * fails, saying so. Run: ./mvnw -f bench/load/pom.xml test (after ./mvnw package of the application).
 */
class YjsTypingTest {

    private static final Path YJS = Path.of("../../src/main/yjs-engine/node_modules/yjs/dist/yjs.mjs").toAbsolutePath()
            .normalize();

    @Test
    void updatesAreValidYjsThatYieldTheTypedText() throws Exception {
        assertTrue(Files.exists(YJS), "the yjs of the application's build is missing at " + YJS
                + ": run ./mvnw package in the repository first");
        var alice = new YjsTyping(123_456_789L);
        var bob = new YjsTyping(4_000_000_000L);
        var awareness = new Awareness(alice.client(), "Load 1");
        List<String> updates = new ArrayList<>();
        for (char c : "Hello".toCharArray()) {
            updates.add(alice.type(c));
            updates.add(bob.type(Character.toUpperCase(c)));
        }
        String caret = awareness.next(6);
        String script = """
                import * as Y from '%s';
                const doc = new Y.Doc();
                const existing = new Y.Doc();
                const f = existing.getXmlFragment('default');
                const p = new Y.XmlElement('paragraph'); f.insert(0, [p]); p.insert(0, [new Y.XmlText('Already there.')]);
                Y.applyUpdate(doc, Y.encodeStateAsUpdate(existing));
                for (const u of %s) Y.applyUpdate(doc, Buffer.from(u, 'base64'));
                if (doc.store.pendingStructs !== null) throw new Error('updates left pending');
                const texts = doc.getXmlFragment('default').toArray().map((e) => e.nodeName + ':' + e.toArray().map((t) => t.toString()).join('')).sort();
                const a = Buffer.from(%s, 'base64');
                console.log(JSON.stringify(texts) + ' ' + a.toString('utf8').includes('"name":"Load 1"'));
                """.formatted(YJS.toUri(), toJsArray(updates), "'" + caret + "'");
        Path file = Files.createTempFile("yjs-typing", ".mjs");
        Files.writeString(file, script);
        Process node;
        try {
            node = new ProcessBuilder("node", file.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("Node is needed for this test and could not be started", e);
        }
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        String out = new String(node.getInputStream().readAllBytes()).trim();
        Files.delete(file);
        assertEquals(0, node.exitValue(), out);
        assertEquals("[\"paragraph:Already there.\",\"paragraph:HELLO\",\"paragraph:Hello\"] true", out);
    }

    private static String toJsArray(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
