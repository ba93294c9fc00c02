package app.chorus.questionnaires;

/** One choice of a choice or ranking question; {@code id} is stable, {@code label} may be corrected. */
public record Option(String id, String label) {
}
