package org.issa.tcw.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The two lib0 encodings Yjs and y-protocols use: unsigned variable-length integers and strings. */
final class Lib0 {

    private Lib0() {
    }

    static void uint(ByteArrayOutputStream out, long value) {
        long v = value;
        while (v > 0x7F) {
            out.write((int) (0x80 | (v & 0x7F)));
            v >>>= 7;
        }
        out.write((int) v);
    }

    static void string(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        uint(out, bytes.length);
        out.writeBytes(bytes);
    }
}
