package app.chorus.decisions.tally;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./chorus tally RULES.json BALLOTS.csv}: counts a ballot file with an RCTab contest configuration and prints
 * the result in the shape of RCTab's detailed report. Exit 0 when counted, 2 when an input cannot be counted.
 */
public final class TallyCommand {

  static final int BAD_INPUT = 2;

  private TallyCommand() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println("Usage: ./chorus tally RULES.json BALLOTS.csv");
      err.println("  RULES.json   an RCTab contest configuration (candidates and rules)");
      err.println("  BALLOTS.csv  ballot_id,rank_1,...,rank_N with one row per ballot");
      return BAD_INPUT;
    }
    Path rulesFile = Path.of(args[0]);
    Path ballotsFile = Path.of(args[1]);
    try {
      Contest contest = withFile(rulesFile, () -> RctabConfig.read(Files.readString(rulesFile)));
      List<RankedBallot> ballots = withFile(ballotsFile, () -> {
        try (Reader in = Files.newBufferedReader(ballotsFile, StandardCharsets.UTF_8)) {
          return BallotFile.read(in, contest);
        }
      });
      IrvResult result =
          withFile(rulesFile + " with " + ballotsFile, () -> InstantRunoff.count(contest.rules(), ballots));
      out.println(RctabReport.json(contest, result));
      return 0;
    } catch (TallyException e) {
      err.println("chorus tally: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  private interface Step<T> {
    T run() throws IOException;
  }

  /** Runs a step on one file, naming the file in whatever goes wrong. */
  private static <T> T withFile(Object file, Step<T> step) {
    try {
      return step.run();
    } catch (TallyException e) {
      throw new TallyException(file + ": " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new TallyException(file + ": no such file; check the path");
    } catch (MalformedInputException e) {
      throw new TallyException(file + ": not UTF-8 text; save it as UTF-8");
    } catch (IOException | RuntimeException e) {
      throw new TallyException(file + ": cannot be read (" + e.getMessage() + "); check the file");
    }
  }
}
