package app.chorus.surveys.internal;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.notifications.Notifications;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.RecipientGroup;
import app.chorus.notifications.Urgency;
import app.chorus.platform.DomainEventListener;
import app.chorus.surveys.SurveyOpened;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An opened survey invites those it asks by push (quiet hours and mutes apply). A survey kept to parents and
 * guardians goes to the {@code survey-asked} group instead of its audience: the people {@link Eligibility} gives
 * something to answer, the rule that decides who may answer, so a relative on the roster is not invited to a consent
 * survey they cannot answer (ADR 0251). One fan-out per survey: an opening announced again changes nothing.
 */
@Configuration(value = "surveyPushes", proxyBeanMethods = false)
class SurveyPushes {

    static final String SOURCE = "survey";
    static final String ASKED = "survey-asked";
    private static final String LANGUAGE = "en";
    /** People asked about at once: the eligibility reads batch them (ADR 0087). */
    private static final int CONCURRENCY = 256;

    @Bean
    DomainEventListener<SurveyOpened> pushOpenedSurveys(Notifications notifications, SurveyStore surveys) {
        return DomainEventListener.of(SurveyOpened.class, event -> surveys.find(event.surveyId())
            .flatMap(survey -> notifications.fanOut(invitation(survey))).then());
    }

    static PushMessage invitation(Survey survey) {
        Map<String, String> titles = Map.of(LANGUAGE, survey.title());
        Map<String, String> bodies = Map.of(LANGUAGE, survey.closesAt() == null ? "A new survey is open: have your say."
            : "A new survey is open until " + survey.closesAt().toString().substring(0, 10) + ": have your say.");
        String school = survey.audience().scope() == Audience.Scope.SCHOOLS && survey.audience().ids().size() == 1
            ? survey.audience().ids().iterator().next() : null;
        if (survey.parentsAndGuardiansOnly()) {
            return PushMessage.toGroup(SOURCE, survey.id(), 1, school, RecipientGroup.name(ASKED, survey.id()), Urgency.NORMAL,
                titles, bodies, LANGUAGE);
        }
        return new PushMessage(SOURCE, survey.id(), 1, school, survey.audience(), Urgency.NORMAL, titles, bodies, LANGUAGE);
    }

    /** The members of a survey's audience who have something to answer, in the audience's order. */
    @Bean
    RecipientGroup surveyAsked(SurveyStore surveys, AudienceResolver audiences, Eligibility eligibility) {
        return RecipientGroup.of(ASKED, surveyId -> surveys.find(surveyId).flatMapMany(survey -> audiences.resolve(survey.audience())
            .flatMapSequential(member -> eligibility.unitsOf(survey, member.personId()).hasElements()
                .filter(Boolean::booleanValue).map(asked -> member), CONCURRENCY)));
    }
}
