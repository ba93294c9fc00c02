package app.chorus.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The active journal file. Every mutation appends its record (a write of many documents: its records together, see
 * {@link Batch}) with one {@code write} while the collection is still locked, so the bytes are in the operating
 * system before the server acknowledges the write: they survive the process being killed. With {@code fsync} the
 * backend also forces the file to disk once per command before replying (concurrent commands share one force: group
 * commit), which survives power loss.
 */
final class Journal implements AutoCloseable {

    private final StoreFiles files;
    private final StoreCipher cipher;
    private final boolean fsync;
    private volatile long compactAfterBytes;
    private final Runnable onFull;
    private final Object syncLock = new Object();

    private FileChannel channel;
    private boolean recovering = true;
    private long sequence;
    private long fileBytes;
    private long appendedBytes;
    private long syncedBytes;
    private boolean fullReported;
    private IOException failure;

    Journal(StoreFiles files, StoreCipher cipher, boolean fsync, long compactAfterBytes, Runnable onFull) {
        this.files = files;
        this.cipher = cipher;
        this.fsync = fsync;
        this.compactAfterBytes = compactAfterBytes;
        this.onFull = onFull;
    }

    void put(String database, String collection, Document document) {
        append(JournalFormat.encode(JournalFormat.PUT, database, collection, document));
    }

    void delete(String database, String collection, Document document) {
        Document stub = JournalFormat.stub(collection, document);
        append(JournalFormat.encode(JournalFormat.DELETE, database, collection, stub));
    }

    void drop(String database, String collection) {
        append(JournalFormat.encode(JournalFormat.DROP, database, collection, null));
    }

    /** Collects the records of one write of many documents, to be appended by {@link Batch#write} as one frame. */
    Batch batch(String database, String collection) {
        return new Batch(database, collection);
    }

    /**
     * The records of one command's write to one collection (an {@code insertMany}, an {@code updateMany}, a
     * {@code deleteMany}), sealed into one frame instead of one frame each (ADR 0408): one encryption and one
     * {@code write} for the lot. Written while the collection is still locked, so no other write to its documents
     * falls between the changes and their records, and before the reply, so acknowledged still means written.
     */
    final class Batch {
        private final String database;
        private final String collection;
        private ByteBuf records;

        private Batch(String database, String collection) {
            this.database = database;
            this.collection = collection;
        }

        void put(Document document) {
            add(JournalFormat.PUT, document);
        }

        void delete(Document document) {
            add(JournalFormat.DELETE, JournalFormat.stub(collection, document));
        }

        private void add(byte type, Document document) {
            if (records == null) {
                records = Unpooled.buffer(256);
            }
            JournalFormat.encodeInto(records, type, database, collection, document);
            if (records.readableBytes() >= JournalFormat.FRAME_RECORDS_BYTES) {
                write();
            }
        }

        /** Appends what was collected as one frame (nothing when empty). */
        void write() {
            if (records != null && records.isReadable()) {
                append(records.nioBuffer());
                records.clear();
            }
        }
    }

    /**
     * Before {@link #start} (while recovering) records are dropped: the snapshot written next covers them. Each frame
     * (one record, or a {@link Batch}'s) is encrypted, bound to this journal and its offset in it, and written with one
     * {@code write}: a crash can only cut off the last frame, which then fails to open and is dropped whole at recovery.
     */
    private void append(ByteBuffer plain) {
        boolean full;
        synchronized (this) {
            if (recovering) {
                return;
            }
            failIfBroken();
            if (channel == null) {
                throw new MongoServerError(1, "InternalError", "The store is shutting down; retry once it is back.");
            }
            ByteBuffer record = JournalFormat.frame(cipher, JournalFormat.SEALED_JOURNAL_MAGIC, sequence, fileBytes,
                plain.array(), plain.arrayOffset() + plain.position(), plain.remaining());
            int length = record.remaining();
            try {
                while (record.hasRemaining()) {
                    channel.write(record);
                }
            } catch (IOException e) {
                failure = e;
                failIfBroken();
            }
            fileBytes += length;
            appendedBytes += length;
            full = fileBytes > compactAfterBytes && !fullReported;
            fullReported |= full;
        }
        if (full) {
            onFull.run();
        }
    }

    private void failIfBroken() {
        if (failure != null) {
            throw new MongoServerError(1, "InternalError", "The store could not write its journal in "
                + files.dir() + " (" + failure.getMessage() + "); nothing more is accepted. Free disk space or fix "
                + "the folder's permissions, then restart the store: it recovers every acknowledged write.");
        }
    }

    /** Starts appending to journal {@code newSequence}; the previous file is forced and closed. */
    void start(long newSequence) throws IOException {
        synchronized (syncLock) {
            synchronized (this) {
                FileChannel previous = channel;
                channel = files.createJournal(newSequence);
                recovering = false;
                sequence = newSequence;
                fileBytes = JournalFormat.SEALED_JOURNAL_MAGIC.length;
                fullReported = false;
                if (previous != null) {
                    previous.force(false);
                    previous.close();
                }
                syncedBytes = appendedBytes;
            }
        }
    }

    /** Asks for compaction once the current journal grows past this many bytes. */
    void compactAfter(long bytes) {
        compactAfterBytes = bytes;
    }

    synchronized long sequence() {
        return sequence;
    }

    /** Forces what was appended so far to disk when running with fsync; callers arriving together share it. */
    void sync() {
        if (!fsync) {
            return;
        }
        long target;
        synchronized (this) {
            target = appendedBytes;
        }
        synchronized (syncLock) {
            if (syncedBytes >= target) {
                return;
            }
            long upTo;
            FileChannel current;
            synchronized (this) {
                upTo = appendedBytes;
                current = channel;
            }
            if (current == null) {
                return;
            }
            try {
                current.force(false);
                syncedBytes = upTo;
            } catch (IOException e) {
                synchronized (this) {
                    failure = e;
                    failIfBroken();
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (syncLock) {
            synchronized (this) {
                if (channel != null) {
                    channel.force(false);
                    channel.close();
                    channel = null;
                }
            }
        }
    }
}
