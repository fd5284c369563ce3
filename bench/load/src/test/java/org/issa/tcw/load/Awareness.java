package org.issa.tcw.load;

import static org.issa.tcw.load.Lib0.string;
import static org.issa.tcw.load.Lib0.uint;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * The awareness (presence) updates of one virtual editor, encoded as y-protocols' awareness does
 * (number of clients, client id, clock, the state as JSON): a name, a colour and the caret after
 * the last character typed (Yjs relative positions into the virtual user's own paragraph).
 */
final class Awareness {

    private final long client;
    private final String name;
    private int clock;

    Awareness(long client, String name) {
        this.client = client;
        this.name = name;
    }

    /** The next awareness update: the caret just after the character with the given Yjs clock. */
    String next(int characterClock) {
        String position = "{\"type\":{\"client\":" + client + ",\"clock\":1},\"tname\":null,\"item\":{\"client\":"
                + client + ",\"clock\":" + characterClock + "},\"assoc\":-1}";
        String state = "{\"user\":{\"name\":\"" + name + "\",\"color\":\"#2ca02c\"},\"cursor\":{\"anchor\":" + position
                + ",\"head\":" + position + "}}";
        var out = new ByteArrayOutputStream();
        uint(out, 1);
        uint(out, client);
        uint(out, ++clock);
        string(out, state);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
