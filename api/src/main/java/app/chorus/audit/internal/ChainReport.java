package app.chorus.audit.internal;

/**
 * What verifying one chain found.
 *
 * @param prunedThrough the last link a retention purge deleted under a signed checkpoint (0 when none was)
 * @param links         how many links after it were read
 * @param intact        whether every link holds its own hash and the one before it, and the head agrees
 * @param brokenAt      the sequence number of the first broken link, or null
 * @param brokenEntry   that link's id (null when the break is a missing link), or the checkpoint's
 * @param problem       what is wrong there, in words
 */
public record ChainReport(String chain, long prunedThrough, long links, boolean intact, Long brokenAt,
                          String brokenEntry, String problem) {
}
