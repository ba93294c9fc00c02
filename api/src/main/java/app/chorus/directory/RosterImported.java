package app.chorus.directory;

import java.util.List;

/** A roster import committed changes to the directory; {@code schoolIds} are the schools its file set holds. */
public record RosterImported(List<String> schoolIds) {
}
