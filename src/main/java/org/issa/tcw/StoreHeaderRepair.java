package org.issa.tcw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.h2.mvstore.DataUtils;
import org.jspecify.annotations.Nullable;

/**
 * Keeps H2's store header pointing at the newest chunk written (ADR 007, "the header repair"), for
 * one database file opened through {@code durable:}.
 *
 * <p>H2 2.5.252's MVStore writes each commit as a chunk and finds the newest chunk after a restart
 * from the file header, following each chunk's prediction of where the next one goes. When a chunk
 * is written elsewhere than predicted, H2 rewrites the header — but with the chunk <em>before</em>
 * it (the store records the new chunk as its last only after the header is written). The chunks
 * that follow the new one where it predicted are then unreachable from the header until H2 writes
 * the header again (after up to 20 more versions, or the next misprediction): a crash — {@code kill
 * -9} as much as a power cut — comes back without commits that were on the disk when they returned.
 * {@code GroupCommitTest} caught it (acknowledged updates missing after a cut, for several seconds).
 *
 * <p>This class sees every write to the file: it remembers the newest chunk header written (H2
 * writes a chunk's header, pages and footer in one buffer, the header first) and, when H2 writes a store
 * header naming an older chunk, names the newest one instead (with its block and version, and the
 * header's checksum computed again the way H2 does). H2's in-memory view is unchanged; the header is
 * only read when the file is opened, and a header naming an invalid chunk would only make H2 search
 * the file as it does after any power cut.
 */
final class StoreHeaderRepair {

    private static final int BLOCK_SIZE = 4096;
    private static final String STORE_HEADER_START = "H:2,";
    private static final String CHUNK_HEADER_START = "chunk:";

    private long newestVersion = -1;
    private long newestChunk;
    private long newestBlock;
    /** How many store headers were repaired (for tests). */
    private long repaired;

    /**
     * Called before {@code src} is written at {@code position}: remembers a chunk header, or returns
     * a repaired store header to write instead of {@code src} (null: write {@code src} as it is).
     */
    synchronized @Nullable ByteBuffer beforeWrite(ByteBuffer src, long position) {
        if (position % BLOCK_SIZE != 0 || src.remaining() < 16) {
            return null;
        }
        if (position == 0) {
            return repairedStoreHeader(src);
        }
        rememberChunk(src, position);
        return null;
    }

    synchronized long repaired() {
        return repaired;
    }

    private void rememberChunk(ByteBuffer src, long position) {
        String start = firstLine(src, 1024);
        if (start == null || !start.startsWith(CHUNK_HEADER_START)) {
            return;
        }
        try {
            HashMap<String, String> chunk = DataUtils.parseMap(start.trim());
            long version = DataUtils.readHexLong(chunk, "version", -1);
            long id = DataUtils.readHexLong(chunk, "chunk", -1);
            // a newer chunk, or the newest one moved elsewhere by H2's compaction (same id and version)
            if (id >= 0 && (version > newestVersion || version == newestVersion && id == newestChunk)) {
                newestVersion = version;
                newestChunk = id;
                newestBlock = position / BLOCK_SIZE; // a chunk's header does not name its block
            }
        } catch (RuntimeException notAChunkHeader) {
            // page data that happens to start like one: not a chunk
        }
    }

    private @Nullable ByteBuffer repairedStoreHeader(ByteBuffer src) {
        String line = firstLine(src, BLOCK_SIZE);
        if (line == null || !line.startsWith(STORE_HEADER_START) || newestVersion < 0) {
            return null;
        }
        int fletcher = line.lastIndexOf(",fletcher:");
        if (fletcher < 0) {
            return null;
        }
        HashMap<String, String> header;
        try {
            header = DataUtils.parseMap(line.substring(0, fletcher));
        } catch (RuntimeException malformed) {
            return null;
        }
        long version = DataUtils.readHexLong(header, "version", Long.MAX_VALUE);
        if (version >= newestVersion || !header.containsKey("chunk") || !header.containsKey("block")) {
            return null;
        }
        header.put("block", Long.toHexString(newestBlock));
        header.put("chunk", Long.toHexString(newestChunk));
        header.put("version", Long.toHexString(newestVersion));
        StringBuilder text = DataUtils.appendMap(new StringBuilder(112), header);
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        DataUtils.appendMap(text, "fletcher", DataUtils.getFletcher32(bytes, 0, bytes.length));
        text.append('\n');
        bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length > BLOCK_SIZE) {
            return null;
        }
        ByteBuffer repairedHeader = ByteBuffer.allocate(src.remaining());
        repairedHeader.put(bytes);
        if (src.remaining() >= 2 * BLOCK_SIZE) { // H2 writes the header twice, in the first two blocks
            repairedHeader.position(BLOCK_SIZE);
            repairedHeader.put(bytes);
        }
        repairedHeader.rewind();
        repaired++;
        return repairedHeader;
    }

    /** The text up to the first line end within {@code max} bytes, or null if there is none. */
    private static @Nullable String firstLine(ByteBuffer src, int max) {
        int length = Math.min(max, src.remaining());
        byte[] bytes = new byte[length];
        src.duplicate().get(bytes);
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                return new String(bytes, 0, i, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }
}
