package app.chorus.directory.internal.store;

/** The directory's collections; no other module reads them. */
public final class Collections {

    public static final String ORGS = "directory_orgs";
    public static final String CLASSES = "directory_classes";
    public static final String PEOPLE = "directory_people";
    public static final String SESSIONS = "directory_sessions";
    public static final String META = "directory_meta";
    /** One document per roster source (the file set of some schools): the schools it owns and its current rows. */
    public static final String ROSTER_SOURCES = "directory_roster_sources";
    /** The rows of each source's last file set, in chunks, so one school's import can be merged with the others'. */
    public static final String ROSTER_ROWS = "directory_roster_rows";
    /** People the roster stopped listing, with the day they left, until the retention schedule erases them. */
    public static final String LEAVERS = "directory_leavers";

    /**
     * On a person and a leaver: the roster import that last created, changed or removed them, so that what follows an
     * import reads only the people it changed, by import and id (ADR 0370).
     */
    public static final String ROSTER_IMPORT = "rosterImport";

    private Collections() {
    }
}
