package app.chorus.gateway.mobile;

import app.chorus.gateway.GatewayProperties;
import app.chorus.gateway.api.ApiClient;
import app.chorus.gateway.api.ApiProblem;
import app.chorus.gateway.api.ApiViews.Child;
import app.chorus.gateway.api.ApiViews.FeedPage;
import app.chorus.gateway.api.ApiViews.Me;
import app.chorus.gateway.api.ApiViews.WaitingConsultation;
import app.chorus.gateway.api.ApiViews.WaitingConsultations;
import app.chorus.gateway.api.ApiViews.WaitingSurvey;
import app.chorus.gateway.api.ApiViews.WaitingSurveys;
import app.chorus.gateway.mobile.MobileHome.MobileChild;
import app.chorus.gateway.mobile.MobileHome.MobileSurvey;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Asks the api for the person, their feed, waiting surveys and consultations at once, and merges the answers. */
@Component
class HomeComposer {

    private final ApiClient api;
    private final int feedSize;

    HomeComposer(ApiClient api, GatewayProperties properties) {
        this.api = api;
        this.feedSize = properties.homeAnnouncements();
    }

    Mono<MobileHome> home(String language) {
        Mono<Me> me = api.get(uri -> uri.path("/api/v1/me").build(), Me.class);
        Mono<FeedPage> feed = api.get(uri -> uri.path("/api/v1/feed").queryParam("limit", feedSize)
            .queryParamIfPresent("lang", java.util.Optional.ofNullable(language)).build(), FeedPage.class);
        Mono<WaitingSurveys> surveys = api.get(uri -> uri.path("/api/v1/surveys/waiting").build(), WaitingSurveys.class)
            .onErrorResume(ApiProblem.class, missing -> missing.status() == 404
                ? Mono.just(new WaitingSurveys(List.of())) : Mono.error(missing));
        Mono<WaitingConsultations> consultations = api.get(uri -> uri.path("/api/v1/consultations/waiting").build(),
                WaitingConsultations.class)
            .onErrorResume(ApiProblem.class, missing -> missing.status() == 404
                ? Mono.just(new WaitingConsultations(List.of(), null)) : Mono.error(missing));
        return Mono.zip(me, feed, surveys, consultations).map(all -> compose(all.getT1(), all.getT2(), all.getT3(), all.getT4()));
    }

    private static MobileHome compose(Me me, FeedPage feed, WaitingSurveys surveys, WaitingConsultations consultations) {
        ChildLabels labels = new ChildLabels(me.children());
        List<MobileAnnouncement> announcements = feed.items().stream()
            .map(item -> MobileAnnouncement.of(item, labels))
            .sorted(Comparator.comparingInt(MobileAnnouncement::attention))
            .toList();
        return new MobileHome(me.name(), me.children().stream().map(HomeComposer::child).toList(), announcements,
            feed.unread(), feed.awaitingAcknowledgement(), surveys.items().stream().map(HomeComposer::survey).toList(),
            consultations.items().stream().map(HomeComposer::consultation).toList(),
            new SyncCursor(feed.sync(), consultations.sync()).value());
    }

    private static MobileChild child(Child child) {
        return new MobileChild(child.pupilId(), child.givenName(), child.schoolId(), child.schoolName(),
            child.yearGroupName(), ChildLabels.label(child));
    }

    static MobileHome.MobileConsultation consultation(WaitingConsultation c) {
        return new MobileHome.MobileConsultation(c.id(), c.title(), c.stage(), c.needsInput(), c.nextChangeAt(),
            c.voices().stream().map(v -> new MobileHome.MobileConsultation.Voice(v.as(), v.label())).toList(), c.outcome(), c.updatedAt());
    }

    private static MobileSurvey survey(WaitingSurvey survey) {
        return new MobileSurvey(survey.surveyId(), survey.title(), survey.closesAt(), survey.units().stream()
            .map(unit -> new MobileSurvey.Unit(unit.unit(), unit.label(), unit.pupilId(), unit.draft()))
            .toList());
    }
}
