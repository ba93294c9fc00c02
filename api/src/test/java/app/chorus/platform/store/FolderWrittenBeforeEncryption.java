package app.chorus.platform.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns an encrypted data folder into the one a store before ADR 0350 would have written: the same records, in
 * clear, after the old magic. (The records inside each encrypted frame are exactly the old format's.)
 */
final class FolderWrittenBeforeEncryption {

    private FolderWrittenBeforeEncryption() {
    }

    static void rewrite(Path dir, StoreCipher cipher) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(file -> file.getFileName().toString().matches("(snapshot|journal)-\\d{16}\\.(bin|log)"))
                .toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            long sequence = Long.parseLong(name.substring(name.indexOf('-') + 1, name.indexOf('.')));
            boolean journal = name.startsWith("journal");
            byte[] sealedMagic = journal ? JournalFormat.SEALED_JOURNAL_MAGIC : JournalFormat.SEALED_SNAPSHOT_MAGIC;
            byte[] plainMagic = journal ? JournalFormat.JOURNAL_MAGIC : JournalFormat.SNAPSHOT_MAGIC;
            Files.write(file, inClear(Files.readAllBytes(file), cipher, sealedMagic, plainMagic, sequence));
        }
    }

    private static byte[] inClear(byte[] content, StoreCipher cipher, byte[] sealedMagic, byte[] plainMagic,
                                  long sequence) throws IOException {
        if (!Arrays.equals(Arrays.copyOf(content, sealedMagic.length), sealedMagic)) {
            throw new IllegalStateException("not an encrypted store file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plainMagic);
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(content));
        in.skipNBytes(sealedMagic.length);
        long offset = sealedMagic.length;
        while (offset < content.length) {
            int length = in.readInt();
            byte[] sealed = in.readNBytes(length);
            out.write(cipher.open(sealed, StoreCipher.place(sealedMagic, sequence, offset)));
            offset += JournalFormat.FRAME_HEADER_BYTES + length;
        }
        return out.toByteArray();
    }
}
