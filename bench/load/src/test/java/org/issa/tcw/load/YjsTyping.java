package org.issa.tcw.load;

import static org.issa.tcw.load.Lib0.string;
import static org.issa.tcw.load.Lib0.uint;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * The Yjs updates (encoding V1, what the editor pushes) of one person typing a sentence into a
 * TipTap document: the first keystroke adds a new paragraph at the top of the document (a Yjs
 * XmlElement "paragraph" in the root fragment "default", holding an XmlText) with its first
 * character; every further keystroke inserts one character after the previous one. Each virtual
 * user has its own Yjs client id, so its updates never clash with anybody's. Valid Yjs: the
 * server's compaction (the real yjs) applies them, and {@code YjsTypingTest} checks them with yjs.
 */
final class YjsTyping {

    private static final int CONTENT_STRING = 4;
    private static final int CONTENT_TYPE = 7;
    private static final int TYPE_XML_ELEMENT = 3;
    private static final int TYPE_XML_TEXT = 6;
    private static final int HAS_ORIGIN = 0x80;

    private final long client;
    private int clock;

    YjsTyping(long client) {
        if (client <= 0 || client > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a Yjs client id is an unsigned 32-bit number: " + client);
        }
        this.client = client;
    }

    long client() {
        return client;
    }

    /** The update of the next keystroke, base64 as the editor sends it. */
    String type(char c) {
        var out = new ByteArrayOutputStream();
        if (clock == 0) {
            uint(out, 1); // one client
            uint(out, 3); // three structs
            uint(out, client);
            uint(out, 0); // first clock
            // the paragraph: no origin, parent = the root type "default"
            out.write(CONTENT_TYPE);
            uint(out, 1); // parent is a root type, by name
            string(out, "default");
            uint(out, TYPE_XML_ELEMENT);
            string(out, "paragraph");
            // its text: parent = the paragraph (client, 0)
            out.write(CONTENT_TYPE);
            uint(out, 0); // parent by id
            uint(out, client);
            uint(out, 0);
            uint(out, TYPE_XML_TEXT);
            // the first character: parent = the text (client, 1)
            out.write(CONTENT_STRING);
            uint(out, 0);
            uint(out, client);
            uint(out, 1);
            string(out, String.valueOf(c));
            clock = 3;
        } else {
            uint(out, 1);
            uint(out, 1);
            uint(out, client);
            uint(out, clock);
            out.write(CONTENT_STRING | HAS_ORIGIN);
            uint(out, client); // origin: the previous character
            uint(out, clock - 1);
            string(out, String.valueOf(c));
            clock++;
        }
        uint(out, 0); // empty delete set
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
