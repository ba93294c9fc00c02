package app.chorus.decisions.tally;

/** Rules or ballots that cannot be counted; the message names the field or the ballot and says what to do. */
public class TallyException extends RuntimeException {

  public TallyException(String message) {
    super(message);
  }
}
