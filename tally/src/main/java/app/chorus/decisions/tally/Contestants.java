package app.chorus.decisions.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The options of a count by index: the declared ones in the rules' order, then undeclared write-ins if listed. */
final class Contestants {

  static final int OVERVOTE = -1;

  final String[] names;
  final int writeIns;
  final int declared;
  private final Map<String, Integer> index = new HashMap<>();

  Contestants(IrvRules rules, List<RankedBallot> ballots) {
    List<String> all = new ArrayList<>(rules.candidates());
    declared = all.size();
    for (int i = 0; i < all.size(); i++) {
      if (index.putIfAbsent(all.get(i), i) != null) {
        throw new TallyException("candidates: \"" + all.get(i) + "\" is listed twice; list each option once");
      }
    }
    int declaredWriteIns = all.indexOf(InstantRunoff.WRITE_INS);
    if (declaredWriteIns >= 0) {
      // RCTab knows undeclared write-ins by this name, so an option declared with it is the write-ins
      writeIns = declaredWriteIns;
      index.put(RankedBallot.WRITE_IN, writeIns);
    } else if (rules.writeInsListed() || rules.blankIsWriteIn() || writeInsMarked(ballots)) {
      writeIns = all.size();
      all.add(InstantRunoff.WRITE_INS);
      index.put(InstantRunoff.WRITE_INS, writeIns);
      index.put(RankedBallot.WRITE_IN, writeIns);
    } else {
      writeIns = -1;
    }
    names = all.toArray(String[]::new);
  }

  private static boolean writeInsMarked(List<RankedBallot> ballots) {
    for (RankedBallot ballot : ballots) {
      for (List<String> cell : ballot.rankings()) {
        for (String mark : cell) {
          if (mark.equals(RankedBallot.WRITE_IN) || mark.equals(InstantRunoff.WRITE_INS)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  int size() {
    return names.length;
  }

  /** Index of an option known to be in the count. */
  int index(String name) {
    return index.get(name);
  }

  /** Index of a mark, {@link #OVERVOTE} for an unknown overvote; refuses what is not an option. */
  int indexOf(String mark, RankedBallot ballot, int rank) {
    if (RankedBallot.OVERVOTE.equals(mark)) {
      return OVERVOTE;
    }
    Integer i = index.get(mark);
    if (i == null) {
      throw new TallyException("ballot " + ballot.id() + ", rank " + rank + ": \"" + mark
          + "\" is not an option of the rules; use a name from candidates (or UWI, OVERVOTE)");
    }
    return i;
  }
}
