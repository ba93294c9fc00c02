package app.chorus.gateway.mobile;

/**
 * The app's one sync cursor: the api's feed cursor and its home-consultations cursor joined by a dot (both are
 * base64url, which has no dot). A cursor from before consultations were synced is the feed's alone.
 *
 * @param consultations null for a feed-only cursor: the consultations then come whole, with a cursor to go on from
 */
record SyncCursor(String feed, String consultations) {

    private static final String SEPARATOR = ".";

    static SyncCursor parse(String cursor) {
        int dot = cursor.indexOf(SEPARATOR);
        if (dot < 0) {
            return new SyncCursor(cursor, null);
        }
        return new SyncCursor(cursor.substring(0, dot), cursor.substring(dot + 1));
    }

    String value() {
        return consultations == null ? feed : feed + SEPARATOR + consultations;
    }
}
