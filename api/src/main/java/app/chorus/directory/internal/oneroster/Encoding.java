package app.chorus.directory.internal.oneroster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks that a file is UTF-8 before it is parsed, in one streaming pass, and when it is not, says on which line
 * the first bad byte is and which encoding the file looks like (the JDK's own decoders tell).
 */
final class Encoding {

    /** Where a file stops being UTF-8 and what it looks like instead. */
    record NotUtf8(long line, String looksLike) {
    }

    private static final int CHUNK = 64 * 1024;
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Encoding() {
    }

    static Optional<NotUtf8> check(Path path) throws IOException {
        CharsetDecoder decoder = strict(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long line = 1;
        try (InputStream in = Files.newInputStream(path)) {
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                eof = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0));
                bytes.flip();
                int start = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, eof);
                line += newlines(bytes.array(), start, bytes.position());
                if (result.isError()) {
                    return Optional.of(new NotUtf8(line, looksLike(path)));
                }
                chars.clear();
                bytes.compact();
            }
            decoder.flush(chars);
        }
        return Optional.empty();
    }

    private static long newlines(byte[] bytes, int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /**
     * Shift_JIS when the start of the file decodes as Shift_JIS into Japanese text (kana, or characters whose bytes
     * mostly come in pairs of high bytes), else the usual Windows export, where accented letters are single bytes.
     */
    private static String looksLike(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(CHUNK);
        }
        int end = head.length;
        while (end > 0 && end > head.length - 2 && (head[end - 1] & 0x80) != 0) {
            end--; // do not judge a multi-byte character cut by the sample's end
        }
        try {
            String text = strict(SHIFT_JIS).decode(ByteBuffer.wrap(head, 0, end)).toString();
            if (text.codePoints().anyMatch(Encoding::kana) || mostlyPaired(head, end)) {
                return "Shift_JIS";
            }
        } catch (java.nio.charset.CharacterCodingException notShiftJis) {
            // fall through
        }
        return WINDOWS_1252.displayName();
    }

    private static boolean kana(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

    private static boolean mostlyPaired(byte[] bytes, int end) {
        int high = 0;
        int paired = 0;
        for (int i = 0; i < end; i++) {
            if ((bytes[i] & 0x80) != 0) {
                high++;
                boolean before = i > 0 && (bytes[i - 1] & 0x80) != 0;
                boolean after = i + 1 < end && (bytes[i + 1] & 0x80) != 0;
                paired += before || after ? 1 : 0;
            }
        }
        return high > 0 && paired * 2 > high;
    }

    static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
