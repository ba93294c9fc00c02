package app.chorus.announcements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.shared.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnnouncementLifecycleTests {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private static AnnouncementDraft classPost(String title) {
        return new AnnouncementDraft("sch-001", Audience.classes(Set.of("cls-1"), AudienceRole.CARERS), Priority.NORMAL,
            false, null, "en", Map.of("en", new Content(title, "b", "<p>b</p>", "b")), List.of(), null, null, null);
    }

    private static Announcement published(String title) {
        Announcement post = Announcement.draft("ann-1", "stf-3", classPost(title), NOW);
        post.submit(false, NOW);
        post.schedule(Map.of(Edition.WHOLE, Edition.whole(post.audienceKeys())), NOW);
        post.editionsDue(NOW).forEach(edition -> post.announced(edition.key(), post.version(), NOW));
        return post;
    }

    @Test
    void aStaffPostNeedingApprovalWaitsUntilALeaderApprovesIt() {
        Announcement post = Announcement.draft("ann-1", "stf-3", classPost("Trip"), NOW);
        post.submit(true, NOW);
        assertThat(post.status(NOW)).isEqualTo(AnnouncementStatus.PENDING_APPROVAL);
        assertThat(post.editionsDue(NOW)).isEmpty();

        post.approve("stf-2", NOW);
        post.schedule(Map.of(Edition.WHOLE, Edition.whole(post.audienceKeys())), NOW);
        assertThat(post.editionsDue(NOW)).hasSize(1);
    }

    @Test
    void aReturnedPostGoesBackToTheAuthorWithTheComment() {
        Announcement post = Announcement.draft("ann-1", "stf-3", classPost("Trip"), NOW);
        post.submit(true, NOW);
        post.returnToAuthor("Add the date", NOW);
        assertThat(post.status(NOW)).isEqualTo(AnnouncementStatus.RETURNED);
        assertThat(post.returnComment()).isEqualTo("Add the date");
        post.submit(true, NOW);
        assertThat(post.status(NOW)).isEqualTo(AnnouncementStatus.PENDING_APPROVAL);
    }

    @Test
    void aScheduledPostFiresAtItsTimeAndOnlyOnce() {
        Announcement post = Announcement.draft("ann-1", "stf-2", classPost("Later"), NOW);
        post.publishAt = NOW.plus(Duration.ofHours(1));
        post.submit(false, NOW);
        post.schedule(Map.of(Edition.WHOLE, Edition.whole(post.audienceKeys())), NOW);
        assertThat(post.editionsDue(NOW)).isEmpty();
        assertThat(post.nextEventDueAt).isEqualTo(NOW.plus(Duration.ofHours(1)));

        Instant later = NOW.plus(Duration.ofHours(1));
        post.editionsDue(later).forEach(edition -> post.announced(edition.key(), post.version(), later));
        assertThat(post.status(later)).isEqualTo(AnnouncementStatus.PUBLISHED);
        assertThat(post.editionsDue(later.plusSeconds(60))).isEmpty();
        assertThat(post.nextEventDueAt).isNull();
    }

    @Test
    void editingAPublishedPostKeepsThePreviousVersionAndReannouncesIt() {
        Announcement post = published("Trip on Monday");
        post.edit(classPost("Trip on Tuesday"), "The coach is booked on Tuesday", "stf-3", NOW.plusSeconds(60));

        assertThat(post.version()).isEqualTo(2);
        assertThat(post.history()).extracting(PastVersion::version).containsExactly(1);
        assertThat(post.history().get(0).translations().get("en").title()).isEqualTo("Trip on Monday");
        assertThat(post.history().get(0).reason()).isEqualTo("The coach is booked on Tuesday");
        assertThat(post.editReason()).isEqualTo("The coach is booked on Tuesday");
        assertThat(post.editionsDue(NOW.plusSeconds(60))).hasSize(1);
    }

    @Test
    void aRetractedPostCannotBeEditedAndItsRetractionIsAnnounced() {
        Announcement post = published("Trip");
        post.retract("Cancelled", NOW.plusSeconds(10));

        assertThat(post.editionsDue(NOW.plusSeconds(10))).hasSize(1);
        assertThatThrownBy(() -> post.edit(classPost("Again"), null, "stf-3", NOW.plusSeconds(20)))
            .isInstanceOfSatisfying(Problem.class, problem -> {
                assertThat(problem.status()).isEqualTo(409);
                assertThat(problem.kind()).isEqualTo("announcement-retracted");
            });
    }

    @Test
    void anExpiredPostShowsAsExpired() {
        Announcement post = published("Trip");
        post.expiresAt = NOW.plusSeconds(3600);
        assertThat(post.status(NOW.plusSeconds(3601))).isEqualTo(AnnouncementStatus.EXPIRED);
    }

    @Test
    void schoolsAdoptAdaptOrDeclineAndSilentSchoolsGoLiveUnchangedAtTheEndOfTheWindow() {
        Instant start = NOW.plusSeconds(3600);
        Instant end = NOW.plusSeconds(7200);
        AnnouncementDraft draft = new AnnouncementDraft(null, Audience.trust(AudienceRole.CARERS), Priority.IMPORTANT, false, null,
            "en", Map.of("en", new Content("Snow", "b", "<p>b</p>", "b")), List.of(), null, null, new TrustWide(true, start, end, true));
        Announcement post = Announcement.draft("ann-9", "stf-1", draft, NOW);
        post.submit(false, NOW);
        Map<String, Edition> layout = new LinkedHashMap<>();
        for (String school : List.of("sch-001", "sch-002", "sch-003")) {
            layout.put(school, Edition.forSchool(school, List.of(Audience.schoolKey(school, AudienceRole.CARERS))));
        }
        post.schedule(layout, NOW);

        post.adopt("sch-001", "Our gate opens at 9", start.plusSeconds(600), "stf-2", NOW);
        post.decline("sch-002", "We are closed that day", "stf-6", NOW);

        assertThat(post.editions().get("sch-001").adoption()).isEqualTo(AdoptionStatus.ADAPTED);
        assertThat(post.editions().get("sch-002").adoption()).isEqualTo(AdoptionStatus.DECLINED);
        assertThat(post.editionsDue(start.plusSeconds(600))).extracting(Edition::key).containsExactly("sch-001");
        assertThat(post.editionsDue(end)).extracting(Edition::key).containsExactly("sch-001", "sch-003");

        post.editionsDue(end).forEach(edition -> post.announced(edition.key(), post.version(), end));
        assertThat(post.editions().get("sch-003").adoption()).isEqualTo(AdoptionStatus.ADOPTED);
        assertThat(post.editions().get("sch-003").adoptedByDefault()).isTrue();
        assertThatThrownBy(() -> post.adopt("sch-003", null, null, "x", end))
            .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.kind()).isEqualTo("edition-already-live"));
    }

    @Test
    void aSchoolCannotPickAPublishTimeOutsideTheTrustsWindow() {
        Instant start = NOW.plusSeconds(3600);
        AnnouncementDraft draft = new AnnouncementDraft(null, Audience.trust(AudienceRole.CARERS), Priority.NORMAL, false, null,
            "en", Map.of("en", new Content("Snow", "b", "<p>b</p>", "b")), List.of(), null, null,
            new TrustWide(true, start, start.plusSeconds(3600), false));
        Announcement post = Announcement.draft("ann-9", "stf-1", draft, NOW);
        post.submit(false, NOW);
        post.schedule(Map.of("sch-001", Edition.forSchool("sch-001", List.of("school:sch-001/carers"))), NOW);

        assertThatThrownBy(() -> post.adopt("sch-001", null, start.plusSeconds(7200), "stf-2", NOW))
            .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.kind()).isEqualTo("publish-at-outside-window"));
        assertThatThrownBy(() -> post.decline("sch-001", "no", "stf-2", NOW))
            .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.kind()).isEqualTo("decline-not-allowed"));
    }
}
