package app.chorus.consultations.internal;

import java.time.Instant;
import java.util.List;

/**
 * A consultation for a person's home: one that needs their input now (ideas, deliberation or decision, with a voice
 * per child), or one they took part in whose outcome or actions moved.
 *
 * @param needsInput   open for their voices now
 * @param nextChangeAt when the current phase ends (null when nothing is scheduled)
 * @param outcome      the decision, once published
 * @param updatedAt    when the outcome or an action last changed (null without an outcome)
 */
public record WaitingConsultation(String id, String title, String stage, boolean needsInput, Instant nextChangeAt,
                                  List<ConsultationView.VoiceView> voices, String outcome, Instant updatedAt) {
}
