package app.chorus.surveys.internal;

import app.chorus.notifications.Notifications;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.RecipientGroup;
import app.chorus.notifications.Urgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells the leaders of a school below a survey's response goal, while the survey closes within the week, at most
 * once per survey, school and day (Europe/London). Each alert is claimed first: one document per survey, school and
 * day in {@value #COLLECTION} ({@code _id} unique), marked sent once the fan-out is stored. A sweep that finds its
 * claim already sent does nothing; one that finds it unsent (a crash in between) asks for the same fan-out again,
 * which the notifications module does at most once (ADR 0319). Claims expire {@link #CLAIMS_KEPT} after they were made
 * (a TTL index, ADR 0360): by then their day is over, so no sweep claims that day again.
 */
@Service
public class GoalAlerts {

    static final String COLLECTION = "survey_goal_alerts";
    static final String SOURCE = "survey-goal";
    static final String LEADERS = "school-leaders";
    private static final ZoneId TRUST_ZONE = ZoneId.of("Europe/London");
    static final String CLAIMED_AT = "claimedAt";
    static final Duration CLAIMS_KEPT = Duration.ofDays(3);
    private static final String LANGUAGE = "en";

    private final SurveyStore surveys;
    private final ResponseRates rates;
    private final Notifications notifications;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    GoalAlerts(SurveyStore surveys, ResponseRates rates, Notifications notifications, ReactiveMongoTemplate mongo,
               ObjectProvider<Clock> clock) {
        this.surveys = surveys;
        this.rates = rates;
        this.notifications = notifications;
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** One pass over the open surveys with a goal; completes with the number of alerts this pass sent. */
    public Mono<Long> sweep() {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, TRUST_ZONE);
        return surveys.live()
            .filter(survey -> survey.responseGoal() != null && survey.statusAt(now) == SurveyStatus.OPEN)
            .concatMap(rates::of)
            .filter(SurveyResponseRates::closingSoon)
            .concatMap(survey -> Flux.fromIterable(survey.schools())
                .filter(school -> Boolean.TRUE.equals(school.belowGoal()))
                .concatMap(school -> alert(survey, school, day)))
            .count();
    }

    private Mono<String> alert(SurveyResponseRates survey, SurveyResponseRates.SchoolRate school, LocalDate day) {
        String id = survey.surveyId() + "." + school.schoolId() + "." + day;
        return claim(id, survey, school, day)
            .flatMap(unsent -> notifications.fanOut(push(id, survey, school)))
            .flatMap(fanOut -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("sentAt", clock.instant()).set("fanOutId", fanOut), COLLECTION).thenReturn(fanOut));
    }

    /** The claim when this alert is still to send (new, or claimed by a sweep that stopped before sending). */
    private Mono<Document> claim(String id, SurveyResponseRates survey, SurveyResponseRates.SchoolRate school, LocalDate day) {
        Document claim = new Document("_id", id).append("surveyId", survey.surveyId()).append("schoolId", school.schoolId())
            .append("day", day.toString()).append("goal", survey.goal()).append("percent", school.percent())
            .append(CLAIMED_AT, clock.instant());
        return mongo.insert(claim, COLLECTION)
            .onErrorResume(DuplicateKeyException.class, taken -> mongo.findById(id, Document.class, COLLECTION))
            .filter(stored -> stored.get("sentAt") == null);
    }

    static PushMessage push(String id, SurveyResponseRates survey, SurveyResponseRates.SchoolRate school) {
        String title = "Below the response goal: " + survey.title();
        String closes = survey.closesAt() == null ? "" : " The survey closes on " + survey.closesAt().toString().substring(0, 10) + ".";
        String figures = school.percent() == null
            ? " is below the goal of " + survey.goal() + "% (too few answers so far to show the figure)."
            : " has heard from " + school.percent() + "% of those asked (" + school.answered() + " of " + school.asked()
              + "); the goal is " + survey.goal() + "%.";
        return PushMessage.toGroup(SOURCE, id, 1, school.schoolId(), RecipientGroup.name(LEADERS, school.schoolId()),
            Urgency.IMPORTANT, java.util.Map.of(LANGUAGE, title), java.util.Map.of(LANGUAGE, school.schoolName() + figures + closes),
            LANGUAGE);
    }
}
