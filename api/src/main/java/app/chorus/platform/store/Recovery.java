package app.chorus.platform.store;

import app.chorus.platform.store.JournalFormat.Entry;
import app.chorus.platform.store.JournalFormat.Key;
import de.bwaldvogel.mongo.bson.Document;
import java.io.BufferedInputStream;
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

    private final StoreFiles files;

    private Recovery(StoreFiles files) {
        this.files = files;
    }

    static Recovery read(StoreFiles files) throws IOException {
        Recovery recovery = new Recovery(files);
        recovery.run();
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
            readSnapshot(files.snapshot(base));
        }
        lastSequence = base;
        for (int i = 0; i < journals.size(); i++) {
            long sequence = journals.get(i);
            if (sequence >= base) {
                readJournal(files.journal(sequence), i == journals.size() - 1);
                lastSequence = sequence;
            }
        }
    }

    private void readSnapshot(Path file) throws IOException {
        Outcome outcome = replay(file, JournalFormat.SNAPSHOT_MAGIC);
        if (!outcome.sawEnd) {
            throw new IOException("The store snapshot " + file + " is incomplete or damaged at byte "
                + outcome.goodBytes + " (it is written whole and forced to disk before use, so the disk or a copy "
                + "damaged it). Restore the data folder from a backup.");
        }
    }

    private void readJournal(Path file, boolean last) throws IOException {
        Outcome outcome = replay(file, JournalFormat.JOURNAL_MAGIC);
        long size = Files.size(file);
        if (outcome.goodBytes == size) {
            return;
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

    private Outcome replay(Path file, byte[] magic) throws IOException {
        Outcome outcome = new Outcome();
        long size = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(raw)) {
            byte[] header = new byte[magic.length];
            if (size < magic.length || in.read(header) != magic.length || !Arrays.equals(header, magic)) {
                outcome.tornTail = size < magic.length;
                return outcome;
            }
            outcome.goodBytes = magic.length;
            while (outcome.goodBytes < size) {
                long remaining = size - outcome.goodBytes;
                if (remaining < JournalFormat.HEADER_BYTES) {
                    outcome.tornTail = true;
                    return outcome;
                }
                int length = in.readInt();
                int crc = in.readInt();
                long available = remaining - JournalFormat.HEADER_BYTES;
                if (length <= 0 || length > JournalFormat.MAX_PAYLOAD_BYTES || length > available) {
                    outcome.tornTail = length > available || onlyZeros(in);
                    return outcome;
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                if (JournalFormat.crc(payload, 0, length) != crc) {
                    outcome.tornTail = outcome.goodBytes + JournalFormat.HEADER_BYTES + length == size;
                    return outcome;
                }
                Entry entry = JournalFormat.decode(payload);
                outcome.goodBytes += JournalFormat.HEADER_BYTES + length;
                if (entry.type() == JournalFormat.END) {
                    outcome.sawEnd = true;
                    return outcome;
                }
                apply(entry);
            }
        }
        return outcome;
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
