package app.chorus.directory;

/** A school of the trust. */
public record SchoolSummary(String id, String name, String phase) {
}
