package app.chorus.decisions.tally;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared reference data ({@code shared/data} beside the repository, or beside one of its parents). */
final class SharedData {

  private SharedData() {
  }

  static Path rcvCases() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path cases = dir.resolve("shared/data/rcv");
      if (Files.isDirectory(cases)) {
        return cases;
      }
    }
    throw new AssertionError("shared/data/rcv was not found beside the repository or any folder above "
        + Path.of("").toAbsolutePath() + "; put the shared reference data there (CI has it at ../shared)");
  }
}
