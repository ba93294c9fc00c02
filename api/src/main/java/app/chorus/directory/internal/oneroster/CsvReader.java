package app.chorus.directory.internal.oneroster;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small streaming RFC 4180 parser: one record at a time, quoted fields with commas, doubled quotes and
 * line breaks, CRLF or LF. Knows the line each record starts on.
 */
final class CsvReader implements Closeable {

    /** Why a file could not be read further, with the line it happened on. */
    static final class CsvFailure extends Exception {
        final long line;
        final boolean encoding;

        CsvFailure(long line, String message, boolean encoding) {
            super(message);
            this.line = line;
            this.encoding = encoding;
        }
    }

    private final Reader in;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The line the last record returned started on. */
    long line() {
        return recordLine;
    }

    /** The next record, or null at the end of the file. */
    List<String> next() throws CsvFailure {
        int c = peekChar();
        if (c < 0) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            c = readChar();
            if (quoted) {
                if (c < 0) {
                    throw new CsvFailure(recordLine, "a quoted field opened on this line is never closed", false);
                }
                if (c == '"') {
                    if (peekChar() == '"') {
                        readChar();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c < 0) {
                if (c == '\r' && peekChar() == '\n') {
                    readChar();
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"') {
                throw new CsvFailure(line, "a quote appears inside an unquoted field", false);
            } else {
                field.append((char) c);
            }
        }
    }

    private int readChar() throws CsvFailure {
        int c = peekChar();
        if (c >= 0) {
            position++;
            if (c == '\n') {
                line++;
            }
        }
        return c;
    }

    private int peekChar() throws CsvFailure {
        if (position == limit) {
            try {
                limit = in.read(buffer, 0, buffer.length);
            } catch (CharacterCodingException e) {
                throw new CsvFailure(line, "the file is not valid UTF-8", true);
            } catch (IOException e) {
                throw new CsvFailure(line, "the file could not be read: " + e.getMessage(), false);
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
