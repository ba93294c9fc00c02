package app.chorus.consultations.internal;

/** One consultation in a chain of cycles (proposal -> decision -> review -> next consultation). */
public record CycleView(String id, String title, String stage, String decision, boolean current) {
}
