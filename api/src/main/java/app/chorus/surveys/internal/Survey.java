package app.chorus.surveys.internal;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.shared.Problem;
import app.chorus.surveys.Anonymity;
import app.chorus.surveys.SurveyOpened;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The survey aggregate: what is asked, of whom, under which anonymity promise, and when. */
@Document(Survey.COLLECTION)
public class Survey {

    public static final String COLLECTION = "surveys";

    @Id
    private String id;
    private String title;
    private String description;
    private String ownerId;
    private Audience audience;
    private Anonymity anonymity;
    private boolean eachCarerAnswers;
    private boolean parentsAndGuardiansOnly;
    private Questionnaire questionnaire;
    private SurveyStatus status;
    private Instant opensAt;
    private Instant closesAt;
    private Instant openedAt;
    private Instant closedAt;
    private Instant openingAnnouncedAt;
    private Instant createdAt;
    private boolean answered;
    /** The share of those asked (per school, in percent) the survey's leaders aim to hear from; null: no goal. */
    private Integer responseGoal;
    @Version
    private Long version;

    protected Survey() {
    }

    public static Survey draft(String id, SurveyDraft draft, String ownerId, Instant now) {
        Survey survey = new Survey();
        survey.id = id;
        survey.ownerId = ownerId;
        survey.createdAt = now;
        survey.status = SurveyStatus.DRAFT;
        survey.audience = draft.audience();
        survey.anonymity = draft.anonymity();
        survey.eachCarerAnswers = draft.eachCarerAnswers();
        survey.parentsAndGuardiansOnly = draft.parentsAndGuardiansOnly();
        survey.edit(draft, now);
        return survey;
    }

    /** Title, description, times and questionnaire; the meaning of answered questions cannot change. */
    public void edit(SurveyDraft draft, Instant now) {
        if (statusAt(now) == SurveyStatus.CLOSED) {
            throw Problem.conflict("survey-closed", "This survey is closed and can no longer be changed.");
        }
        Questionnaire revised = draft.questionnaire().requireWellFormed();
        if (answered) {
            questionnaire.requireSameMeaning(revised);
        }
        if (draft.closesAt() != null && draft.opensAt() != null && !draft.closesAt().isAfter(draft.opensAt())) {
            throw Problem.badRequest("bad-times", "closesAt must be after opensAt.");
        }
        title = draft.title();
        description = draft.description();
        questionnaire = revised;
        opensAt = draft.opensAt();
        closesAt = draft.closesAt();
    }

    /** Opens now, or schedules the opening for {@code opensAt}. Opening an open survey changes nothing. */
    public void open(Instant now) {
        SurveyStatus current = statusAt(now);
        if (current == SurveyStatus.CLOSED) {
            throw Problem.conflict("survey-closed", "This survey is closed; create a new one to ask again.");
        }
        if (current == SurveyStatus.OPEN) {
            return;
        }
        if (closesAt != null && !closesAt.isAfter(now)) {
            throw Problem.conflict("closes-in-the-past", "closesAt is already past: change it before opening.");
        }
        if (opensAt != null && opensAt.isAfter(now)) {
            status = SurveyStatus.SCHEDULED;
        } else {
            status = SurveyStatus.OPEN;
            openedAt = now;
        }
    }

    public void close(Instant now) {
        if (statusAt(now) == SurveyStatus.DRAFT) {
            throw Problem.conflict("survey-not-open", "This survey was never opened; delete or open it instead.");
        }
        if (status != SurveyStatus.CLOSED) {
            status = SurveyStatus.CLOSED;
            closedAt = closesAt != null && closesAt.isBefore(now) ? closesAt : now;
        }
    }

    /** Sets (or, with null, removes) the response rate each school should reach, in percent of those asked. */
    public void setResponseGoal(Integer percent, Instant now) {
        if (percent != null && (percent < 1 || percent > 100)) {
            throw Problem.badRequest("validation", "responseRate is a percentage from 1 to 100 (or null for no goal).")
                .with("field", "responseRate");
        }
        if (statusAt(now) == SurveyStatus.CLOSED) {
            throw Problem.conflict("survey-closed", "This survey is closed; a goal can no longer change what it hears.");
        }
        responseGoal = percent;
    }

    /** The status as respondents see it: an open survey past its closing time is closed. */
    public SurveyStatus statusAt(Instant now) {
        if (status == SurveyStatus.SCHEDULED && opensAt != null && !opensAt.isAfter(now)) {
            return closesAt != null && !closesAt.isAfter(now) ? SurveyStatus.CLOSED : SurveyStatus.OPEN;
        }
        if (status == SurveyStatus.OPEN && closesAt != null && !closesAt.isAfter(now)) {
            return SurveyStatus.CLOSED;
        }
        return status;
    }

    public void requireAcceptsAnswers(Instant now) {
        SurveyStatus current = statusAt(now);
        if (current == SurveyStatus.CLOSED) {
            throw Problem.conflict("survey-closed", "This survey has closed and no longer accepts answers.")
                .with("closedAt", closedAt != null ? closedAt : closesAt);
        }
        if (current != SurveyStatus.OPEN) {
            throw Problem.conflict("survey-not-open", "This survey is not open for answers yet.");
        }
    }

    /** Carer surveys count one answer per child unless the survey asks each carer of a child. */
    public boolean answersPerChild() {
        return audience.roles().contains(AudienceRole.CARERS);
    }

    /** Who answers for a child, in words, for the audience preview; null when the survey asks no carers. */
    public String carersStatement() {
        if (!answersPerChild()) {
            return null;
        }
        String who = parentsAndGuardiansOnly ? "the child's parents and guardians (other relatives on the roster are not asked)"
            : "the child's carers";
        return (eachCarerAnswers ? "Each of " : "One answer per child, from ") + who + ".";
    }

    public SurveyOpened opened() {
        return new SurveyOpened(id, audience, title, closesAt);
    }

    public String id() { return id; }
    public String title() { return title; }
    public String description() { return description; }
    public String ownerId() { return ownerId; }
    public Audience audience() { return audience; }
    public Anonymity anonymity() { return anonymity; }
    public boolean eachCarerAnswers() { return eachCarerAnswers; }
    public boolean parentsAndGuardiansOnly() { return parentsAndGuardiansOnly; }
    public Questionnaire questionnaire() { return questionnaire; }
    public Instant opensAt() { return opensAt; }
    public Instant closesAt() { return closesAt; }
    public Instant openedAt() { return openedAt; }
    public Instant closedAt() { return closedAt; }
    public Instant openingAnnouncedAt() { return openingAnnouncedAt; }
    public Instant createdAt() { return createdAt; }
    public boolean answered() { return answered; }
    public Integer responseGoal() { return responseGoal; }
    public Long version() { return version; }
    public boolean isTrustWide() { return audience.scope() == Audience.Scope.TRUST; }
}
