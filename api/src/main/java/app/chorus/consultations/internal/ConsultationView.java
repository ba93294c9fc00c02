package app.chorus.consultations.internal;

import app.chorus.directory.Audience;
import app.chorus.questionnaires.Question;
import java.time.Instant;
import java.util.List;

/**
 * A consultation as one reader sees it, in their language (falling back to the trust default), with every promise
 * stated: who decides and how, how carers are counted, who may take part, whether supports are anonymous.
 */
public record ConsultationView(String id, String schoolId, String language, String title, String question, String body,
                               String stage, List<PhasePlan> phases, Instant endsAt, Audience audience,
                               Statements statements, Decider decider, Integer supportThreshold, boolean anonymous,
                               Adaptation adaptation, List<LocalQuestions> localQuestions, List<VoiceView> yourVoices,
                               boolean youManage, String continuesFrom, Outcome outcome, List<Action> actions,
                               Fatigue fatigue) {

    /** The same view with the fatigue found when it was created (answered on create only). */
    ConsultationView withFatigue(Fatigue found) {
        return new ConsultationView(id, schoolId, language, title, question, body, stage, phases, endsAt, audience, statements,
            decider, supportThreshold, anonymous, adaptation, localQuestions, yourVoices, youManage, continuesFrom, outcome,
            actions, found);
    }

    /** What participants are told before they take part. */
    public record Statements(String decision, String carerVoice, String eligibility, String supports) {
    }

    /** A school's local questions, shown to those taking part through that school. */
    public record LocalQuestions(String schoolId, Instant closesAt, List<Question> questions) {
    }

    public record VoiceView(String as, String label) {
    }

    static ConsultationView of(Reader reader, String language, List<LocalEdition> editions, Instant now) {
        Consultation c = reader.consultation();
        Text text = c.text(language);
        String shownLanguage = language != null && c.translations().containsKey(language) ? language : c.defaultLanguage();
        Statements statements = new Statements(c.decider().statement(), c.carerVoice().statement(), c.eligibility().statement(),
            c.anonymous() ? "Supports are anonymous: stored with no link to you, and final once given. We keep only that you took part, to tell you what came of it."
                : "You may withdraw a support until the ideas phase ends.");
        return new ConsultationView(c.id(), c.schoolId(), shownLanguage, text.title(), text.question(), text.body(),
            c.stageAt(now), c.phases(), c.endsAt(), c.audience(), statements, c.decider(), c.supportThreshold(), c.anonymous(),
            c.adaptation(), editions.stream().map(e -> new LocalQuestions(e.schoolId(), e.closesAt(), e.questions())).toList(),
            reader.voices().stream().map(v -> new VoiceView(v.as(), v.label())).toList(), reader.manages(), c.continuesFrom(),
            c.outcome(), c.actions(), null);
    }
}
