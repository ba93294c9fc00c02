package app.chorus.platform.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An exclusive lock on a data folder (file {@code LOCK}, holding the owner's pid) so only one store opens it. */
final class DataDirLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dir) throws IOException {
        DataDirLock lock = tryAcquire(dir);
        if (lock == null) {
            Path file = dir.resolve("LOCK");
            throw new IllegalStateException("The store data folder " + dir.toAbsolutePath() + " is already in use by "
                + owner(file) + ". Stop that store (or the api embedding it) first, point chorus.store.data-dir "
                + "(CHORUS_STORE_DIR) at another folder, or share that store by setting MONGODB_URI to its address.");
        }
        return lock;
    }

    /** The lock, or null when a running store holds it. */
    static DataDirLock tryAcquire(Path dir) throws IOException {
        Path file = dir.resolve("LOCK");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        channel.truncate(0);
        byte[] pid = String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
        channel.write(ByteBuffer.wrap(pid), 0);
        return new DataDirLock(channel, lock);
    }

    private static String owner(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (pid.isEmpty()) {
                return "another store";
            }
            boolean self = pid.equals(String.valueOf(ProcessHandle.current().pid()));
            return self ? "another store in this same process (pid " + pid + ")" : "process " + pid;
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
