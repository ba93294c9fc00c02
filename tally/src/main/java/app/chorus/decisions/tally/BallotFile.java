package app.chorus.decisions.tally;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The plain ballot file: header {@code ballot_id,rank_1,...,rank_N}, one row per ballot; a cell is the option marked
 * at that rank, empty for nothing, {@code A|B} for several, {@code OVERVOTE} or {@code UWI}.
 */
public final class BallotFile {

  private static final String SEPARATOR = "|";

  private BallotFile() {
  }

  /** Reads every ballot; a problem is reported with its line ("line 7: ...") and what to do. */
  public static List<RankedBallot> read(Reader in, Contest contest) throws IOException {
    Set<String> known = new HashSet<>(contest.rules().candidates());
    known.addAll(List.of(RankedBallot.OVERVOTE, RankedBallot.WRITE_IN, InstantRunoff.WRITE_INS));
    List<RankedBallot> ballots = new ArrayList<>();
    try (CSVParser csv = CSVFormat.DEFAULT.parse(in)) {
      int ranks = -1;
      for (CSVRecord row : csv) {
        if (ranks < 0) {
          ranks = header(row);
        } else if (!(row.size() == 1 && row.get(0).isBlank())) {
          ballots.add(ballot(row, ranks, contest, known));
        }
      }
      if (ranks < 0) {
        throw new TallyException("line 1: the file is empty; start it with the header ballot_id,rank_1,...");
      }
    } catch (UncheckedIOException e) {
      throw new TallyException("not readable as CSV (" + e.getCause().getMessage() + "); check the quotes");
    }
    return ballots;
  }

  private static int header(CSVRecord row) {
    List<String> cells = row.stream().map(String::trim).toList();
    boolean ok = !cells.isEmpty() && cells.get(0).replace("\uFEFF", "").equals("ballot_id") && cells.size() > 1;
    for (int i = 1; ok && i < cells.size(); i++) {
      ok = cells.get(i).equals("rank_" + i);
    }
    if (!ok) {
      throw new TallyException("line 1: the header is \"" + String.join(",", cells)
          + "\"; it must be ballot_id,rank_1,rank_2,...,rank_N");
    }
    return cells.size() - 1;
  }

  private static RankedBallot ballot(CSVRecord row, int ranks, Contest contest, Set<String> known) {
    long line = row.getRecordNumber();
    if (row.size() > ranks + 1) {
      throw new TallyException("line " + line + ": " + row.size() + " cells but the header has " + (ranks + 1)
          + "; add rank columns to the header or remove the extra cells");
    }
    String id = row.get(0).trim();
    if (id.isEmpty()) {
      throw new TallyException("line " + line + ": the ballot_id is empty; give every ballot an id");
    }
    List<List<String>> rankings = new ArrayList<>();
    for (int r = 1; r <= ranks; r++) {
      rankings.add(r < row.size() ? cell(row.get(r), line, r, contest, known) : List.of());
    }
    return new RankedBallot(id, rankings);
  }

  private static List<String> cell(String cell, long line, int rank, Contest contest, Set<String> known) {
    if (cell.isBlank()) {
      return List.of();
    }
    List<String> marks = new ArrayList<>();
    for (String part : cell.split("\\" + SEPARATOR, -1)) {
      String name = contest.nameOf(part.trim());
      if (!known.contains(name)) {
        throw new TallyException("line " + line + ", rank_" + rank + ": \"" + part.trim()
            + "\" is not an option in the rules; use a candidate name from the rules, UWI or OVERVOTE");
      }
      marks.add(name);
    }
    return marks;
  }

  /** Writes the ballots with as many rank columns as the longest ballot has. */
  public static void write(List<RankedBallot> ballots, Writer out) throws IOException {
    int ranks = Math.max(1, ballots.stream().mapToInt(b -> b.rankings().size()).max().orElse(1));
    List<String> header = new ArrayList<>(List.of("ballot_id"));
    for (int r = 1; r <= ranks; r++) {
      header.add("rank_" + r);
    }
    CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
    csv.printRecord(header);
    for (RankedBallot ballot : ballots) {
      String[] row = new String[ranks + 1];
      Arrays.fill(row, "");
      row[0] = ballot.id();
      for (int r = 0; r < ballot.rankings().size(); r++) {
        row[r + 1] = String.join(SEPARATOR, ballot.rankings().get(r));
      }
      csv.printRecord((Object[]) row);
    }
    csv.flush();
  }
}
