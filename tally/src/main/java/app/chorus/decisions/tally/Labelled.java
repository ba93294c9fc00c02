package app.chorus.decisions.tally;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A rule value written in RCTab's configuration by its label. */
interface Labelled {

  String label();

  /** The value labelled {@code label}, refused naming the field and the supported labels. */
  static <E extends Enum<E> & Labelled> E parse(Class<E> type, String field, String label) {
    E[] values = type.getEnumConstants();
    return Arrays.stream(values).filter(v -> v.label().equals(label)).findFirst()
        .orElseThrow(() -> new TallyException(field + ": \"" + label + "\" is not supported; use one of "
            + Arrays.stream(values).map(Labelled::label).collect(Collectors.joining(", "))));
  }
}
