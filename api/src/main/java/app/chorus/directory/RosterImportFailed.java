package app.chorus.directory;

import java.time.Instant;

/**
 * A file set dropped into the roster inbox was not imported (nothing was applied). Notifications tells the trust's
 * roster administrators ({@link DirectoryQueries#rosterAdministrators()}).
 *
 * @param arrivalId the file set's inbox id (its name and arrival time): one failure, one notice
 * @param fileSet   the name it arrived under
 * @param problem   what was wrong, as the inbox report says it
 */
public record RosterImportFailed(String arrivalId, String fileSet, String problem, Instant failedAt) {
}
