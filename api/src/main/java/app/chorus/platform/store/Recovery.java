package app.chorus.platform.store;

import app.chorus.platform.store.JournalFormat.Entry;
import app.chorus.platform.store.JournalFormat.Key;
import de.bwaldvogel.mongo.bson.Document;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the store's contents from the newest snapshot and the journals after it. Journals hold
 * after-images keyed by document key, so replaying them in order (last record per key wins) gives the
 * state of the last acknowledged write; a record cut off by a crash at the end of the last journal was
 * never acknowledged and is dropped.
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    /** database -> collection -> documents in first-insert order. */
    final Map<String, Map<String, LinkedHashMap<Key, Document>>> state = new HashMap<>();
    long lastSequence;
    /** Files found unencrypted (written before ADR 0350): the snapshot written after recovery replaces them. */
    int unencryptedFiles;

    private final StoreFiles files;
    private final boolean repair;

    private Recovery(StoreFiles files, boolean repair) {
        this.files = files;
        this.repair = repair;
    }

    /** The store's contents at start: a journal cut off by a crash is truncated, a damaged one copied aside. */
    static Recovery read(StoreFiles files) throws IOException {
        Recovery recovery = new Recovery(files, true);
        recovery.run();
        return recovery;
    }

    /**
     * The contents of a data folder without changing it, even while its store runs (for a backup): what the files
     * hold when read, the last journal up to its last whole record. Damage anywhere else fails.
     */
    static Recovery readOnly(StoreFiles files) throws IOException {
        Recovery recovery = new Recovery(files, false);
        recovery.run();
        return recovery;
    }

    /** The contents of a backup archive; it must be whole (end with its END record). */
    static Recovery readArchive(Path archive, StoreCipher cipher) throws IOException {
        Recovery recovery = new Recovery(new StoreFiles(archive.toAbsolutePath().getParent(), cipher), false);
        Outcome outcome = recovery.replay(archive, null, JournalFormat.SEALED_BACKUP_MAGIC, 0);
        if (!outcome.sawEnd) {
            throw new IOException("The backup " + archive + " is not a Chorus store backup, or is incomplete or damaged "
                + "at byte " + outcome.goodBytes + " (it was changed or cut short after it was written): use another "
                + "backup.");
        }
        return recovery;
    }

    long documents() {
        return state.values().stream().flatMap(db -> db.values().stream()).mapToLong(Map::size).sum();
    }

    private void run() throws IOException {
        List<Long> snapshots = files.sequences("snapshot");
        List<Long> journals = files.sequences("journal");
        long base = snapshots.isEmpty() ? 0 : snapshots.get(snapshots.size() - 1);
        if (!snapshots.isEmpty()) {
            readSnapshot(files.snapshot(base), base);
        }
        lastSequence = base;
        for (int i = 0; i < journals.size(); i++) {
            long sequence = journals.get(i);
            if (sequence >= base) {
                readJournal(files.journal(sequence), sequence, i == journals.size() - 1);
                lastSequence = sequence;
            }
        }
    }

    private void readSnapshot(Path file, long sequence) throws IOException {
        Outcome outcome = replay(file, JournalFormat.SNAPSHOT_MAGIC, JournalFormat.SEALED_SNAPSHOT_MAGIC, sequence);
        if (!outcome.sawEnd) {
            throw new IOException("The store snapshot " + file + " is incomplete or damaged at byte "
                + outcome.goodBytes + " (it is written whole and forced to disk before use, so the disk or a copy "
                + "damaged it). Restore the data folder from a backup.");
        }
    }

    private void readJournal(Path file, long sequence, boolean last) throws IOException {
        Outcome outcome = replay(file, JournalFormat.JOURNAL_MAGIC, JournalFormat.SEALED_JOURNAL_MAGIC, sequence);
        long size = Files.size(file);
        if (outcome.goodBytes == size || !repair && last && outcome.tornTail) {
            return;
        }
        if (!repair) {
            throw new IOException("The store journal " + file + " is damaged at byte " + outcome.goodBytes + " of "
                + size + ". Start the store once (it keeps what it can and reports the damage), then take the backup.");
        }
        if (last && outcome.tornTail) {
            log.warn("Store journal {} ends with {} bytes of a record cut off by a crash (never acknowledged); "
                + "truncating it", file, size - outcome.goodBytes);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(outcome.goodBytes);
                channel.force(true);
            }
            return;
        }
        Path copy = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        log.error("Store journal {} is damaged at byte {} of {}: the writes after that point in this file are lost. "
            + "A copy is kept as {}; check the disk.", file, outcome.goodBytes, size, copy);
    }

    private static final class Outcome {
        long goodBytes;
        boolean sawEnd;
        boolean tornTail;
    }

    /**
     * Applies the records of one file: an encrypted one ({@code sealedMagic}, frames opened with the store key) or,
     * when {@code plainMagic} is given, one written unencrypted before ADR 0350.
     */
    private Outcome replay(Path file, byte[] plainMagic, byte[] sealedMagic, long sequence) throws IOException {
        Outcome outcome = new Outcome();
        long size = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(raw)) {
            byte[] header = new byte[sealedMagic.length];
            if (size < header.length) {
                outcome.tornTail = true;
                return outcome;
            }
            in.readFully(header);
            if (Arrays.equals(header, sealedMagic)) {
                outcome.goodBytes = header.length;
                readFrames(file, in, size, outcome, StoreCipher.place(sealedMagic, sequence, 0).length, sealedMagic,
                    sequence);
            } else if (plainMagic != null && Arrays.equals(header, plainMagic)) {
                unencryptedFiles++;
                outcome.goodBytes = header.length;
                readRecords(in, size, outcome);
            }
        }
        return outcome;
    }

    private void readFrames(Path file, DataInputStream in, long size, Outcome outcome, int placeBytes, byte[] magic,
                            long sequence) throws IOException {
        StoreCipher cipher = files.cipher();
        while (outcome.goodBytes < size) {
            long remaining = size - outcome.goodBytes;
            if (remaining < JournalFormat.FRAME_HEADER_BYTES) {
                outcome.tornTail = true;
                return;
            }
            int length = in.readInt();
            long available = remaining - JournalFormat.FRAME_HEADER_BYTES;
            if (length <= 0 || length > JournalFormat.MAX_PAYLOAD_BYTES + placeBytes + 1024 || length > available) {
                outcome.tornTail = length > available || onlyZeros(in);
                return;
            }
            byte[] sealed = new byte[length];
            in.readFully(sealed);
            if (outcome.goodBytes == magic.length && !cipher.holdsKeyOf(sealed)) {
                throw new IOException(cipher.wrongKey(file, sealed));
            }
            byte[] plain = cipher.open(sealed, StoreCipher.place(magic, sequence, outcome.goodBytes));
            if (plain == null) {
                outcome.tornTail = outcome.goodBytes + JournalFormat.FRAME_HEADER_BYTES + length == size;
                return;
            }
            Outcome frame = new Outcome();
            readRecords(new DataInputStream(new ByteArrayInputStream(plain)), plain.length, frame);
            if (frame.goodBytes != plain.length && !frame.sawEnd) {
                return;
            }
            outcome.goodBytes += JournalFormat.FRAME_HEADER_BYTES + length;
            if (frame.sawEnd) {
                outcome.sawEnd = true;
                return;
            }
        }
    }

    /** Applies the records from {@code outcome.goodBytes} up to {@code size}, stopping at END or the first bad one. */
    private void readRecords(DataInputStream in, long size, Outcome outcome) throws IOException {
        while (outcome.goodBytes < size) {
            long remaining = size - outcome.goodBytes;
            if (remaining < JournalFormat.HEADER_BYTES) {
                outcome.tornTail = true;
                return;
            }
            int length = in.readInt();
            int crc = in.readInt();
            long available = remaining - JournalFormat.HEADER_BYTES;
            if (length <= 0 || length > JournalFormat.MAX_PAYLOAD_BYTES || length > available) {
                outcome.tornTail = length > available || onlyZeros(in);
                return;
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            if (JournalFormat.crc(payload, 0, length) != crc) {
                outcome.tornTail = outcome.goodBytes + JournalFormat.HEADER_BYTES + length == size;
                return;
            }
            Entry entry = JournalFormat.decode(payload);
            outcome.goodBytes += JournalFormat.HEADER_BYTES + length;
            if (entry.type() == JournalFormat.END) {
                outcome.sawEnd = true;
                return;
            }
            apply(entry);
        }
    }

    private static boolean onlyZeros(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) >= 0) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void apply(Entry entry) {
        Map<String, LinkedHashMap<Key, Document>> database =
            state.computeIfAbsent(entry.database(), name -> new HashMap<>());
        switch (entry.type()) {
            case JournalFormat.PUT -> database.computeIfAbsent(entry.collection(), name -> new LinkedHashMap<>())
                .put(JournalFormat.keyOf(entry.collection(), entry.bson()), entry.bson());
            case JournalFormat.DELETE -> {
                LinkedHashMap<Key, Document> collection = database.get(entry.collection());
                if (collection != null) {
                    collection.remove(JournalFormat.keyOf(entry.collection(), entry.bson()));
                }
            }
            case JournalFormat.DROP -> database.remove(entry.collection());
            default -> throw new IllegalStateException("Unknown store record type " + entry.type());
        }
    }
}
