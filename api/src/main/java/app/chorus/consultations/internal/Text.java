package app.chorus.consultations.internal;

/** One language version of a consultation: its title, the question it asks, and the background. */
public record Text(String title, String question, String body) {
}
