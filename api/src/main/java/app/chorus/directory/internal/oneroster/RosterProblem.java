package app.chorus.directory.internal.oneroster;

/**
 * One thing wrong with a roster file set.
 *
 * @param file    the file name, e.g. {@code users.csv}
 * @param line    1-based line (1 is the header), 0 when the problem is about the whole file
 * @param column  the column concerned, or null
 * @param problem what is wrong
 * @param fix     how to fix it
 */
public record RosterProblem(String file, long line, String column, String problem, String fix) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (column != null ? " [" + column + "]" : "") + ": " + problem + " - " + fix;
    }
}
