package app.chorus.directory.internal.oneroster;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and hands out every good character before failing, so the CSV parser knows the
 * line the first bad byte is on. Skips a leading byte-order mark.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private boolean eof;
    private boolean first = true;
    private CharacterCodingException pending;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (pending != null) {
            throw pending;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (out.position() == offset) {
            if (!bytes.hasRemaining() || bytes.remaining() < 4 && !eof) {
                fill();
            }
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                pending = new CharacterCodingException();
                if (out.position() == offset) {
                    throw pending;
                }
                break;
            }
            if (eof && !bytes.hasRemaining()) {
                decoder.flush(out);
                if (out.position() == offset) {
                    return -1;
                }
            }
        }
        int read = out.position() - offset;
        if (first && read > 0) {
            first = false;
            if (target[offset] == '\uFEFF') {
                System.arraycopy(target, offset + 1, target, offset, read - 1);
                return read == 1 ? read(target, offset, length) : read - 1;
            }
        }
        return read;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
