package app.chorus.devtools.demo;

import static app.chorus.devtools.demo.DemoPeople.CARER;
import static app.chorus.devtools.demo.DemoPeople.LEADER;
import static app.chorus.devtools.demo.DemoPeople.OAKFIELD;
import static app.chorus.devtools.demo.DemoPeople.OAKFIELD_HEAD;
import static app.chorus.devtools.demo.DemoPeople.PUPIL;
import static app.chorus.devtools.demo.DemoPeople.RIVERSIDE;
import static app.chorus.devtools.demo.DemoPeople.RIVERSIDE_HEAD;
import static app.chorus.devtools.demo.DemoPeople.TEACHER;

import app.chorus.announcements.Priority;
import app.chorus.announcements.internal.AnnouncementInput;
import app.chorus.announcements.internal.AnnouncementInput.Translation;
import app.chorus.announcements.internal.AnnouncementManagement;
import app.chorus.announcements.internal.AnnouncementStatus;
import app.chorus.announcements.internal.AnnouncementView;
import app.chorus.announcements.internal.FeedService;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Announcements from the trust and both demo schools, opened and acknowledged by many of the people they reached. */
@Component
class DemoAnnouncements {

    private final AnnouncementManagement announcements;
    private final FeedService feed;
    private final DemoPeople people;

    DemoAnnouncements(AnnouncementManagement announcements, FeedService feed, DemoPeople people) {
        this.announcements = announcements;
        this.feed = feed;
        this.people = people;
    }

    Mono<Void> seed() {
        Instant now = Instant.now();
        Audience everyone = Audience.trust(AudienceRole.CARERS, AudienceRole.STAFF, AudienceRole.PUPILS);
        return publish(LEADER, "demo-welcome", input(null, everyone, Priority.NORMAL, null, "Welcome back for the spring term",
                "We hope you all had a restful break. Term starts on **Monday**: clubs restart in the second week."))
            .flatMap(welcome -> readBy(welcome, List.of(CARER, PUPIL, TEACHER, OAKFIELD_HEAD, RIVERSIDE_HEAD), false))
            .then(publish(OAKFIELD_HEAD, "demo-sports-day", input(OAKFIELD,
                    Audience.schools(Set.of(OAKFIELD), AudienceRole.CARERS, AudienceRole.STAFF), Priority.IMPORTANT,
                    now.plus(Duration.ofDays(5)), "Sports day on Friday 12 June",
                    "Children need a named water bottle, a sun hat and their PE kit. Please acknowledge that you have read this."))
                // carer.demo has not acknowledged yet: the demo shows an acknowledgement outstanding
                .flatMap(sportsDay -> readBy(sportsDay, List.of(TEACHER), false).thenReturn(sportsDay)))
            .flatMap(sportsDay -> families(sportsDay, OAKFIELD))
            .then(publish(RIVERSIDE_HEAD, "demo-parents-evening", input(RIVERSIDE,
                    Audience.schools(Set.of(RIVERSIDE), AudienceRole.CARERS, AudienceRole.STAFF), Priority.NORMAL, null,
                    "Parents' evening bookings are open", "Book a ten-minute slot with your child's tutor from the link in the app."))
                .flatMap(evening -> readBy(evening, List.of(CARER), false).thenReturn(evening)))
            .flatMap(evening -> families(evening, RIVERSIDE))
            .then(publish(OAKFIELD_HEAD, "demo-class-trip", input(OAKFIELD,
                    Audience.schools(Set.of(OAKFIELD), AudienceRole.CARERS, AudienceRole.PUPILS), Priority.NORMAL, null,
                    "Class trip to the Science Museum", "Year 5 visit the Science Museum next month. Packed lunches, please."))
                .flatMap(trip -> readBy(trip, List.of(PUPIL), false)))
            .then();
    }

    /** Created and submitted by its author; approved by the trust leader when the author may not send it alone. */
    private Mono<AnnouncementView> publish(CurrentUser author, String key, AnnouncementInput input) {
        return announcements.create(author, input, key)
            .flatMap(created -> announcements.submit(author, created.announcement().id()))
            .flatMap(view -> view.status() == AnnouncementStatus.PENDING_APPROVAL ? announcements.approve(LEADER, view.id())
                : Mono.just(view));
    }

    /** Most of the school's families open it; those it asks acknowledge it. */
    private Mono<Void> families(AnnouncementView announcement, String schoolId) {
        return people.families(24, schoolId).flatMap(families -> readBy(announcement,
            families.subList(0, families.size() * 3 / 4).stream().map(DemoPeople.Family::carer).toList(),
            announcement.requiresAcknowledgement()));
    }

    /** Opened (and acknowledged) by each reader, once it reached them: publishing runs in the background. */
    private Mono<Void> readBy(AnnouncementView announcement, List<CurrentUser> readers, boolean acknowledge) {
        return Flux.fromIterable(readers).concatMap(reader -> Mono.defer(() -> feed.open(reader, announcement.id()))
                .retryWhen(Retry.fixedDelay(120, Duration.ofMillis(500)))
                .then(acknowledge ? feed.acknowledge(reader, announcement.id()).then() : Mono.empty()))
            .then();
    }

    private static AnnouncementInput input(String schoolId, Audience audience, Priority priority, Instant acknowledgeBy,
                                           String title, String body) {
        return new AnnouncementInput(schoolId, audience, priority, acknowledgeBy != null, acknowledgeBy, "en",
            Map.of("en", new Translation(title, body)), List.of(), null, null, null);
    }
}
