package app.chorus.platform.store;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a data folder: {@code snapshot-N.bin} holds the whole store as it was when journal N began,
 * {@code journal-N.log} every write since. Recovery loads the newest snapshot and replays journals N, N+1...
 */
final class StoreFiles {

    private static final Pattern NAME = Pattern.compile("(snapshot|journal)-(\\d{16})\\.(bin|log)");

    private final Path dir;
    private final StoreCipher cipher;

    StoreFiles(Path dir, StoreCipher cipher) {
        this.dir = dir;
        this.cipher = cipher;
    }

    StoreCipher cipher() {
        return cipher;
    }

    Path dir() {
        return dir;
    }

    Path snapshot(long sequence) {
        return dir.resolve(String.format("snapshot-%016d.bin", sequence));
    }

    Path journal(long sequence) {
        return dir.resolve(String.format("journal-%016d.log", sequence));
    }

    /** Sequence numbers of the existing files of one kind ("snapshot" or "journal"), ascending. */
    List<Long> sequences(String kind) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.map(path -> NAME.matcher(path.getFileName().toString()))
                .filter(Matcher::matches)
                .filter(matcher -> matcher.group(1).equals(kind))
                .map(matcher -> Long.parseLong(matcher.group(2)))
                .sorted()
                .toList();
        }
    }

    FileChannel createJournal(long sequence) throws IOException {
        FileChannel channel =
            FileChannel.open(journal(sequence), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.write(ByteBuffer.wrap(JournalFormat.SEALED_JOURNAL_MAGIC));
        channel.force(true);
        syncDir();
        return channel;
    }

    interface SnapshotContent {
        void writeTo(SnapshotSink sink) throws IOException;
    }

    /** Writes snapshot N to a temporary file, forces it and renames it into place: it exists whole or not at all. */
    long writeSnapshot(long sequence, SnapshotContent content) throws IOException {
        writeSealed(cipher, snapshot(sequence), dir.resolve("snapshot.tmp"), JournalFormat.SEALED_SNAPSHOT_MAGIC,
            sequence, content);
        syncDir();
        return Files.size(snapshot(sequence));
    }

    /**
     * Writes an encrypted file of PUT records ending with END (a snapshot or a backup) to {@code tmp}, forces it and
     * renames it to {@code target}. Records are sealed in frames of about 64 KB.
     */
    static long writeSealed(StoreCipher cipher, Path target, Path tmp, byte[] magic, long sequence,
                            SnapshotContent content) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            out.write(magic);
            SnapshotSink sink = new SnapshotSink(out, cipher, magic, sequence);
            content.writeTo(sink);
            sink.end();
            out.flush();
            channel.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return Files.size(target);
    }

    /** Removes the snapshots and journals that snapshot N made obsolete. */
    void deleteBefore(long sequence) throws IOException {
        for (String kind : List.of("snapshot", "journal")) {
            for (long old : sequences(kind)) {
                if (old < sequence) {
                    Files.deleteIfExists(kind.equals("snapshot") ? snapshot(old) : journal(old));
                }
            }
        }
        syncDir();
    }

    /** Keeps a damaged journal for inspection instead of deleting it. */
    Path setAside(Path file) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
        Files.move(file, aside);
        return aside;
    }

    private void syncDir() throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory for reading; the renames are still atomic
        }
    }

    /** Receives the documents of a snapshot as PUT records and writes them in encrypted frames. */
    static final class SnapshotSink {
        private final OutputStream out;
        private final StoreCipher cipher;
        private final byte[] magic;
        private final long sequence;
        private final ByteArrayOutputStream records = new ByteArrayOutputStream(JournalFormat.FRAME_RECORDS_BYTES + 1024);
        private long offset;
        private long documents;

        SnapshotSink(OutputStream out, StoreCipher cipher, byte[] magic, long sequence) {
            this.out = out;
            this.cipher = cipher;
            this.magic = magic;
            this.sequence = sequence;
            this.offset = magic.length;
        }

        void put(String database, String collection, de.bwaldvogel.mongo.bson.Document document) throws IOException {
            add(JournalFormat.encode(JournalFormat.PUT, database, collection, document));
            if (!collection.startsWith("system.")) {
                documents++;
            }
        }

        long documents() {
            return documents;
        }

        private void add(ByteBuffer record) throws IOException {
            records.write(record.array(), record.arrayOffset() + record.position(), record.remaining());
            if (records.size() >= JournalFormat.FRAME_RECORDS_BYTES) {
                flushFrame();
            }
        }

        private void flushFrame() throws IOException {
            ByteBuffer frame = JournalFormat.frame(cipher, magic, sequence, offset, records.toByteArray(), 0,
                records.size());
            out.write(frame.array(), 0, frame.limit());
            offset += frame.limit();
            records.reset();
        }

        private void end() throws IOException {
            add(JournalFormat.encode(JournalFormat.END, "", "", null));
            if (records.size() > 0) {
                flushFrame();
            }
        }
    }
}
