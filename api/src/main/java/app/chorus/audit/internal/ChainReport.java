package app.chorus.audit.internal;

/**
 * What verifying one chain found.
 *
 * @param links       how many links were read
 * @param intact      whether every link holds its own hash and the one before it, and the head agrees
 * @param brokenAt    the sequence number of the first broken link, or null
 * @param brokenEntry that link's id (null when the break is a missing link)
 * @param problem     what is wrong there, in words
 */
public record ChainReport(String chain, long links, boolean intact, Long brokenAt, String brokenEntry, String problem) {
}
