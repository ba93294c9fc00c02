package app.chorus.platform.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The records of an encrypted data folder in clear, as whoever holds the folder and the store keyset reads them. (The
 * records inside each encrypted frame are exactly the format of a store before ADR 0350.)
 */
public final class DataFolderInClear {

    private DataFolderInClear() {
    }

    /** Each snapshot and journal of the folder, its frames opened and joined; a frame being written is left out. */
    public static Map<Path, byte[]> read(Path dir, StoreCipher cipher) throws IOException {
        Map<Path, byte[]> clear = new LinkedHashMap<>();
        for (Path file : storeFiles(dir)) {
            clear.put(file, records(file, Files.readAllBytes(file), cipher));
        }
        return clear;
    }

    /** Turns the folder into the one a store before ADR 0350 would have written: the same records after the old magic. */
    static void rewriteUnencrypted(Path dir, StoreCipher cipher) throws IOException {
        for (Map.Entry<Path, byte[]> file : read(dir, cipher).entrySet()) {
            boolean journal = file.getKey().getFileName().toString().startsWith("journal");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(journal ? JournalFormat.JOURNAL_MAGIC : JournalFormat.SNAPSHOT_MAGIC);
            out.write(file.getValue());
            Files.write(file.getKey(), out.toByteArray());
        }
    }

    private static List<Path> storeFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(file -> file.getFileName().toString().matches("(snapshot|journal)-\\d{16}\\.(bin|log)"))
                .sorted().toList();
        }
    }

    private static byte[] records(Path file, byte[] content, StoreCipher cipher) throws IOException {
        String name = file.getFileName().toString();
        long sequence = Long.parseLong(name.substring(name.indexOf('-') + 1, name.indexOf('.')));
        byte[] magic = name.startsWith("journal") ? JournalFormat.SEALED_JOURNAL_MAGIC : JournalFormat.SEALED_SNAPSHOT_MAGIC;
        if (!Arrays.equals(Arrays.copyOf(content, magic.length), magic)) {
            throw new IllegalStateException(file + " is not an encrypted store file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = magic.length;
        while (offset + JournalFormat.FRAME_HEADER_BYTES <= content.length) {
            int length = ByteBuffer.wrap(content, offset, JournalFormat.FRAME_HEADER_BYTES).getInt();
            int start = offset + JournalFormat.FRAME_HEADER_BYTES;
            byte[] plain = start + length > content.length ? null
                : cipher.open(Arrays.copyOfRange(content, start, start + length), StoreCipher.place(magic, sequence, offset));
            if (plain == null) {
                break;
            }
            out.write(plain);
            offset = start + length;
        }
        return out.toByteArray();
    }
}
