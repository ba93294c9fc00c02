package app.chorus.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Record layout shared by journals and snapshots (since ADR 0350 inside encrypted frames, see {@link #frame}):
 * {@code [int length][int crc32c][byte type][short db length][db][short collection length][collection][BSON]},
 * where length and crc cover everything after the crc. Journals hold after-images: PUT carries the whole
 * document as it is after the write, DELETE a stub holding only its key, DROP nothing.
 */
final class JournalFormat {

    static final byte PUT = 1;
    static final byte DELETE = 2;
    static final byte DROP = 3;
    static final byte END = 4;

    static final byte[] JOURNAL_MAGIC = "CHJRNL01".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SNAPSHOT_MAGIC = "CHSNAP01".getBytes(StandardCharsets.US_ASCII);
    /** Encrypted files (ADR 0350): after the magic, frames {@code [int length][sealed records]}. */
    static final byte[] SEALED_JOURNAL_MAGIC = "CHJRNL02".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEALED_SNAPSHOT_MAGIC = "CHSNAP02".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEALED_BACKUP_MAGIC = "CHBKUP02".getBytes(StandardCharsets.US_ASCII);
    static final int FRAME_HEADER_BYTES = 4;
    static final int HEADER_BYTES = 8;
    static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;
    /** A frame is sealed once its records reach this size (snapshots; a journal's write of many documents). */
    static final int FRAME_RECORDS_BYTES = 64 * 1024;

    private JournalFormat() {
    }

    static ByteBuffer encode(byte type, String database, String collection, Document bson) {
        ByteBuf buf = Unpooled.buffer(bson == null ? 64 : 256);
        encodeInto(buf, type, database, collection, bson);
        return buf.nioBuffer();
    }

    /** Appends one record to a heap buffer that may already hold others. */
    static void encodeInto(ByteBuf buf, byte type, String database, String collection, Document bson) {
        int start = buf.writerIndex();
        buf.writeLong(0);
        buf.writeByte(type);
        writeName(buf, database);
        writeName(buf, collection);
        if (bson != null) {
            BsonEncoder.encodeDocument(bson, buf);
        }
        int length = buf.writerIndex() - start - HEADER_BYTES;
        buf.setInt(start, length);
        buf.setInt(start + 4, crc(buf.array(), buf.arrayOffset() + start + HEADER_BYTES, length));
    }

    /**
     * One frame of an encrypted file: {@code [int length][ciphertext]}, the records sealed for the file
     * ({@code magic}, {@code sequence}) and the frame's byte offset in it.
     */
    static ByteBuffer frame(StoreCipher cipher, byte[] magic, long sequence, long offset, byte[] records, int from,
                            int length) {
        byte[] sealed = cipher.seal(records, from, length, StoreCipher.place(magic, sequence, offset));
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_BYTES + sealed.length);
        frame.putInt(sealed.length).put(sealed).flip();
        return frame;
    }

    static int bsonSize(Document document) {
        ByteBuf buf = Unpooled.buffer(256);
        BsonEncoder.encodeDocument(document, buf);
        return buf.writerIndex();
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** A decoded record; {@code bson} is null for DROP and END. */
    record Entry(byte type, String database, String collection, Document bson) {
    }

    static Entry decode(byte[] payload) {
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        byte type = buf.readByte();
        String database = readName(buf);
        String collection = readName(buf);
        Document bson = buf.isReadable() ? BsonDecoder.decodeBson(buf) : null;
        return new Entry(type, database, collection, bson);
    }

    private static void writeName(ByteBuf buf, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        buf.writeShort(bytes.length);
        buf.writeBytes(bytes);
    }

    private static String readName(ByteBuf buf) {
        byte[] bytes = new byte[buf.readUnsignedShort()];
        buf.readBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The field that identifies a document of this collection: {@code name} for system.namespaces, none for
     * system.indexes (the whole document is its key), {@code _id} otherwise.
     */
    static String idField(String collection) {
        return switch (collection) {
            case "system.namespaces" -> "name";
            case "system.indexes" -> null;
            default -> "_id";
        };
    }

    /** What a DELETE record carries: just the key field, or the whole document when there is no key. */
    static Document stub(String collection, Document document) {
        String idField = idField(collection);
        if (idField == null || !document.containsKey(idField)) {
            return document;
        }
        return new Document(idField, document.get(idField));
    }

    /** Identity of a document during replay: the BSON bytes of its stub. */
    static Key keyOf(String collection, Document document) {
        ByteBuf buf = Unpooled.buffer(64);
        BsonEncoder.encodeDocument(stub(collection, document), buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return new Key(bytes);
    }

    static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
