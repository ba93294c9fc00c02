package app.chorus.consultations.internal;

import app.chorus.directory.Audience;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a leader writes to create a consultation. {@code schoolId} null: trust-wide. */
public record ConsultationDraft(String schoolId, String defaultLanguage, Map<String, Text> translations, Decider decider,
                                Audience audience, CarerVoice carerVoice, EligibilityMode eligibility, Boolean anonymous,
                                List<PhasePlan> phases, Instant endsAt, Adaptation adaptation, Integer supportThreshold,
                                String continuesFrom) {
}
