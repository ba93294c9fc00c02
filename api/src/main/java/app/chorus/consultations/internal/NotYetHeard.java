package app.chorus.consultations.internal;

/** Someone the consultation asks who has not taken part yet, so staff can reach them. */
public record NotYetHeard(String personId, String name, String role, String email) {
}
