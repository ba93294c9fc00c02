package app.chorus.decisions.tally;

import java.util.Map;

/**
 * A ranked-choice contest as an RCTab contest configuration describes it: what it is called and how it is counted.
 *
 * @param aliases other spellings (RCTab candidate codes and aliases) of each option, mapped to its name
 */
public record Contest(String name, String date, String jurisdiction, String office, IrvRules rules,
    Map<String, String> aliases) {

  public Contest {
    aliases = Map.copyOf(aliases);
  }

  public static Contest named(String name, IrvRules rules) {
    return new Contest(name, "", "", "", rules, Map.of());
  }

  /** The option's name for a mark on a ballot (a name, code or alias); other marks unchanged. */
  public String nameOf(String mark) {
    return aliases.getOrDefault(mark, mark);
  }
}
