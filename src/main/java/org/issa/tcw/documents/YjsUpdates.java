package org.issa.tcw.documents;

/** What can be read from a Yjs update's bytes without the engine. */
public final class YjsUpdates {

    private YjsUpdates() {
    }

    /**
     * The client id of the first group of structs in a Yjs (V1) update, -1 if it has none or cannot
     * be read: an update is {@code varuint clients}, then per client {@code varuint structs, varuint
     * client, varuint clock, structs...}; an editor's own update carries its own client first
     * (usually only). docs/adr/090.
     */
    public static long firstClient(byte[] update) {
        int[] at = {0};
        long clients = varUint(update, at);
        if (clients <= 0) {
            return -1;
        }
        long structs = varUint(update, at);
        if (structs <= 0) {
            return -1;
        }
        return varUint(update, at);
    }

    private static long varUint(byte[] b, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 56 && at[0] < b.length; shift += 7) {
            int x = b[at[0]++] & 0xff;
            value |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }
}
