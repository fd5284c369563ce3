package org.issa.tcw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system {@code durable:} (ADR 007): the database file as it is, but every write to it is
 * forced to the disk ({@code fdatasync}) before the write returns. H2 writes a commit inside the
 * commit when {@code WRITE_DELAY=0}, so a commit is on the disk before the JDBC call returns —
 * before anything is acknowledged — and survives a power cut or an operating-system crash, not only
 * the process dying. The file's format is unchanged: {@code jdbc:h2:durable:./data/tcw} opens the
 * same {@code ./data/tcw.mv.db} as {@code jdbc:h2:./data/tcw} (which H2's own tools can use).
 *
 * <p>H2 only knows the scheme once {@link #register()} ran; {@link DurableDatabaseFiles} does that
 * before the datasource opens its first connection. An unregistered scheme would be taken by H2 for
 * part of a relative file name.
 */
public final class DurableFilePath extends FilePathWrapper {

    /** The scheme in the datasource URL: {@code jdbc:h2:durable:<path>}. */
    public static final String SCHEME = "durable";

    /** Makes the scheme known to H2 (idempotent). */
    public static void register() {
        FilePath.register(new DurableFilePath());
    }

    /** Whether H2 knows the scheme, i.e. opens {@code durable:} URLs through this class. */
    static boolean isRegistered() {
        return FilePath.get(SCHEME + ":./x") instanceof DurableFilePath;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel channel = getBase().open(mode);
        return mode.equals("r") ? channel : new ForcedWrites(channel);
    }

    /**
     * A file channel whose writes return once they are on the disk, and whose store headers name the
     * newest chunk ({@link StoreHeaderRepair}).
     */
    private static final class ForcedWrites extends Delegating {

        private final StoreHeaderRepair headers = new StoreHeaderRepair();

        ForcedWrites(FileChannel base) {
            super(base);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            ByteBuffer repaired = headers.beforeWrite(src, position);
            int written;
            if (repaired == null) {
                written = super.write(src, position);
            } else {
                // the repaired header has the length of H2's: written whole, reported as H2's bytes
                int length = src.remaining();
                while (repaired.hasRemaining()) {
                    super.write(repaired, position + repaired.position());
                }
                src.position(src.position() + length);
                written = length;
            }
            base.force(false);
            return written;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int written = super.write(src);
            base.force(false);
            return written;
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            super.truncate(size);
            base.force(true);
            return this;
        }

        @Override
        public String toString() {
            return SCHEME + ":" + base;
        }
    }

    /** A file channel that passes everything to another one (H2's {@link FileBase} does the rest). */
    static class Delegating extends FileBase {

        final FileChannel base;

        Delegating(FileChannel base) {
            this.base = base;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return base.write(src, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return base.write(src);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return base.lock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
