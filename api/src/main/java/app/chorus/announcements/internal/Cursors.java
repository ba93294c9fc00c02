package app.chorus.announcements.internal;

import app.chorus.shared.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Opaque cursors: a time and an id (list position) or a change sequence (delta sync), base64url-encoded. */
final class Cursors {

    private Cursors() {
    }

    record Position(Instant at, String id) {
    }

    static String position(Instant at, String id) {
        return encode("p:" + at.toEpochMilli() + ":" + id);
    }

    static Position position(String cursor) {
        String[] parts = decode(cursor).split(":", 3);
        if (parts.length != 3 || !parts[0].equals("p")) {
            throw invalid();
        }
        try {
            return new Position(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static String sequence(long seq) {
        return encode("s:" + seq);
    }

    static long sequence(String cursor) {
        String value = decode(cursor);
        if (!value.startsWith("s:")) {
            throw invalid();
        }
        try {
            return Long.parseLong(value.substring(2));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String encode(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static Problem invalid() {
        return Problem.badRequest("invalid-cursor", "This cursor is not one the api gave out. Start again without a cursor.")
            .with("field", "cursor");
    }
}
