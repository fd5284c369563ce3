package org.issa.tcw;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store-header repair on a real H2 header: a header naming an older chunk than the newest one
 * written is rewritten to name the newest, and H2's own checksum check accepts it; a header that
 * already names the newest chunk, and every other write, pass unchanged.
 */
class StoreHeaderRepairTest {

    @TempDir
    Path directory;

    @Test
    void a_header_naming_an_older_chunk_names_the_newest_and_keeps_a_valid_checksum() throws Exception {
        ByteBuffer header = realStoreHeader();
        Map<String, String> original = checksummed(header);
        long version = DataUtils.readHexLong(original, "version", -1);
        assertThat(version).as("the real header names a chunk").isPositive();

        StoreHeaderRepair repair = new StoreHeaderRepair();
        // H2 writes a newer chunk somewhere in the file (a chunk's header names no block)
        String chunk = "chunk:" + Long.toHexString(version + 5) + ",len:3,pages:7,max:2460,map:1c,root:2800005e018,"
                + "time:c8f,version:" + Long.toHexString(version + 5) + ",next:11,toc:1de4";
        ByteBuffer chunkWrite = ByteBuffer.wrap(padded(chunk, 3 * 4096));
        assertThat(repair.beforeWrite(chunkWrite, 0x13L * 4096)).as("a chunk is written as it is").isNull();

        ByteBuffer repaired = repair.beforeWrite(header.duplicate(), 0);
        assertThat(repaired).as("the stale header is repaired").isNotNull();
        assertThat(repaired.remaining()).isEqualTo(header.remaining());
        Map<String, String> fixed = checksummed(repaired);
        assertThat(fixed).as("H2 accepts the repaired header's checksum").isNotNull();
        assertThat(fixed.get("chunk")).isEqualTo(Long.toHexString(version + 5));
        assertThat(fixed.get("version")).isEqualTo(Long.toHexString(version + 5));
        assertThat(fixed.get("block")).isEqualTo("13");
        assertThat(fixed.get("created")).isEqualTo(original.get("created"));
        byte[] both = new byte[repaired.remaining()];
        repaired.duplicate().get(both);
        assertThat(Arrays.copyOfRange(both, 4096, 8192)).as("the second copy of the header")
                .isEqualTo(Arrays.copyOfRange(both, 0, 4096));
        assertThat(repair.repaired()).isEqualTo(1);
    }

    @Test
    void a_header_naming_the_newest_chunk_and_other_writes_pass_unchanged() throws Exception {
        ByteBuffer header = realStoreHeader();
        StoreHeaderRepair repair = new StoreHeaderRepair();
        assertThat(repair.beforeWrite(header.duplicate(), 0)).as("no chunk seen yet").isNull();
        long version = DataUtils.readHexLong(checksummed(header), "version", -1);
        String older = "chunk:1,len:3,version:" + Long.toHexString(version - 1) + ",next:11";
        assertThat(repair.beforeWrite(ByteBuffer.wrap(padded(older, 4096)), 8L * 4096)).isNull();
        assertThat(repair.beforeWrite(header.duplicate(), 0)).as("the header names a newer chunk").isNull();
        assertThat(repair.beforeWrite(ByteBuffer.wrap(new byte[4096]), 5L * 4096)).as("page data").isNull();
        assertThat(repair.repaired()).isZero();
    }

    /** The first two blocks of a database file H2 wrote. */
    private ByteBuffer realStoreHeader() throws Exception {
        Path file = directory.resolve("h" + System.nanoTime());
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
            c.createStatement().execute("create table t (id int primary key)");
            c.createStatement().execute("insert into t values (1)");
        }
        byte[] bytes = Files.readAllBytes(Path.of(file + ".mv.db"));
        return ByteBuffer.wrap(Arrays.copyOf(bytes, 2 * 4096));
    }

    /** H2's own parsing of a header line with its checksum (null if the checksum is wrong). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> checksummed(ByteBuffer header) throws Exception {
        byte[] block = new byte[4096];
        header.duplicate().get(block);
        int end = 0;
        while (block[end] != '\n') {
            end++;
        }
        Method parse = DataUtils.class.getDeclaredMethod("parseChecksummedMap", byte[].class);
        parse.setAccessible(true);
        return (Map<String, String>) parse.invoke(null, (Object) Arrays.copyOf(block, end + 1));
    }

    private static byte[] padded(String text, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) ' ');
        byte[] line = (text + "\n").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(line, 0, bytes, 0, line.length);
        return bytes;
    }
}
