package org.issa.tcw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system {@code powercut:<path>} for tests: the file as it is, plus a second copy next to
 * it ({@code <file>.disk}) that holds only what was forced — what the disk would hold after a
 * power cut. A write reaches the copy when the file is next forced; {@link #cutPower} copies it
 * (consistently: no force is half applied) so that a test can open the database as it would come
 * back after a power cut at that moment.
 */
public final class PowerCutFilePath extends FilePathWrapper {

    /** Guards every copy: forces apply their writes, {@link #cutPower} copies. */
    private static final Object DISK = new Object();
    /** How many times a file of this scheme was forced. */
    public static final AtomicLong forces = new AtomicLong();

    /** Makes the scheme known to H2 (idempotent). */
    public static void register() {
        FilePath.register(new PowerCutFilePath());
    }

    @Override
    public String getScheme() {
        return "powercut";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        Path file = Path.of(getBase().toString());
        FileChannel channel = getBase().open(mode);
        return mode.equals("r") ? channel : new Recording(channel, disk(file));
    }

    /**
     * Copies what the disk holds of {@code file} (a database file opened through {@code powercut:})
     * to {@code copy}, as a power cut at this moment would leave it.
     */
    public static void cutPower(Path file, Path copy) throws IOException {
        synchronized (DISK) {
            Files.copy(disk(file), copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path disk(Path file) {
        return file.resolveSibling(file.getFileName() + ".disk");
    }

    /**
     * A file channel that applies its writes to the disk copy when it is forced: those made before
     * the force began, in the order they were made (so that two forces at once cannot apply an
     * older write over a newer one).
     */
    private static final class Recording extends DurableFilePath.Delegating {

        private final Path disk;
        /** Written but not forced yet, in order: (number, position, bytes); null bytes: a truncation. */
        private final List<Object[]> pending = new ArrayList<>();
        private long written;

        Recording(FileChannel base, Path disk) throws IOException {
            super(base);
            this.disk = disk;
            synchronized (DISK) {
                if (!Files.exists(disk)) {
                    Files.createFile(disk);
                }
            }
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            ByteBuffer copy = src.duplicate();
            int n = super.write(src, position);
            record(position, copy, n);
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            long position = base.position();
            ByteBuffer copy = src.duplicate();
            int n = super.write(src);
            record(position, copy, n);
            return n;
        }

        private void record(long position, ByteBuffer copy, int n) {
            byte[] bytes = new byte[n];
            copy.get(bytes);
            synchronized (pending) {
                pending.add(new Object[] {++written, position, bytes});
            }
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            super.truncate(size);
            synchronized (pending) {
                pending.add(new Object[] {++written, size, null});
            }
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            long upTo;
            synchronized (pending) {
                upTo = written;
            }
            super.force(metaData);
            synchronized (DISK) {
                List<Object[]> writes = new ArrayList<>();
                synchronized (pending) {
                    while (!pending.isEmpty() && (Long) pending.getFirst()[0] <= upTo) {
                        writes.add(pending.removeFirst());
                    }
                }
                try (FileChannel copy = FileChannel.open(disk, StandardOpenOption.WRITE)) {
                    for (Object[] w : writes) {
                        long position = (Long) w[1];
                        if (w[2] == null) {
                            copy.truncate(position);
                        } else {
                            ByteBuffer bytes = ByteBuffer.wrap((byte[]) w[2]);
                            while (bytes.hasRemaining()) {
                                copy.write(bytes, position + bytes.position());
                            }
                        }
                    }
                }
            }
            forces.incrementAndGet();
        }
    }
}
