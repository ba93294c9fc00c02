package app.chorus.notifications.internal.fanout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * A batch's targets stored as one binary value instead of 500 sub-documents (ADR 0097): the driver writes it, and the
 * store keeps and journals it, as a single field. Targets hold only short strings and flags ({@code p}, {@code t},
 * {@code l}, {@code pl}, {@code d}, {@code u}), so each one is written as its fields' names and values (or null).
 */
final class PackedTargets {

    private static final byte FORMAT = 1;
    private static final byte TEXT = 's';
    private static final byte FLAG = 'b';
    private static final byte NOTHING = 'n';

    private PackedTargets() {
    }

    static byte[] pack(List<Document> targets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(targets.size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(targets.size());
            for (Document target : targets) {
                out.writeByte(target.size());
                for (Map.Entry<String, Object> field : target.entrySet()) {
                    write(out, field.getKey(), field.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, String name, Object value) throws IOException {
        out.writeUTF(name);
        if (value == null) {
            out.writeByte(NOTHING);
        } else if (value instanceof Boolean flag) {
            out.writeByte(FLAG);
            out.writeBoolean(flag);
        } else if (value instanceof String text) {
            out.writeByte(TEXT);
            out.writeUTF(text);
        } else {
            throw new IllegalArgumentException("A push target holds only text and flags, not " + name + "=" + value);
        }
    }

    /** The targets of a stored value, as the driver returns it ({@code byte[]} or {@link Binary}). */
    static List<Document> unpack(Object stored) {
        byte[] packed = stored instanceof Binary binary ? binary.getData() : (byte[]) stored;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("Packed targets in format " + format + " are from a newer version");
            }
            int count = in.readInt();
            List<Document> targets = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                targets.add(read(in));
            }
            return targets;
        } catch (IOException e) {
            throw new UncheckedIOException("Packed targets are damaged", e);
        }
    }

    private static Document read(DataInputStream in) throws IOException {
        int fields = in.readUnsignedByte();
        Document target = new Document();
        for (int f = 0; f < fields; f++) {
            String name = in.readUTF();
            byte type = in.readByte();
            target.append(name, switch (type) {
                case FLAG -> in.readBoolean();
                case TEXT -> in.readUTF();
                case NOTHING -> null;
                default -> throw new IllegalStateException("Packed targets hold an unknown field type " + type);
            });
        }
        return target;
    }
}
