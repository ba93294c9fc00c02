package app.chorus.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** An opaque list position: a time and an id (ties broken by id), base64url-encoded. */
public record PositionCursor(Instant at, String id) {

    public String encode() {
        String value = "p:" + at.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor (the first page); a 400 problem naming {@code cursor} for anything not made here. */
    public static PositionCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
            if (parts.length == 3 && parts[0].equals("p")) {
                return new PositionCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw Problem.badRequest("bad-cursor", "The cursor is not one this list gave out: start again without it.")
            .with("field", "cursor");
    }

    /** A page size of at least 1 (a 400 problem naming {@code limit} otherwise), at most {@code max} (larger asks get max). */
    public static int atMost(int limit, int max) {
        if (limit < 1) {
            throw Problem.badRequest("bad-limit", "limit must be at least 1 (pages hold up to " + max + ").").with("field", "limit");
        }
        return Math.min(limit, max);
    }

    /** A page size between 1 and {@code max}; a 400 problem naming {@code limit} otherwise. */
    public static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw Problem.badRequest("bad-limit", "limit must be between 1 and " + max + ".").with("field", "limit");
        }
        return limit;
    }
}
