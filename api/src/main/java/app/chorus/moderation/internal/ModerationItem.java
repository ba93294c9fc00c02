package app.chorus.moderation.internal;

import app.chorus.moderation.ConcernRaised;
import app.chorus.moderation.Contribution;
import app.chorus.moderation.ContributionModerated;
import app.chorus.moderation.ContributionRef;
import app.chorus.moderation.Visibility;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One contribution under moderation: its visibility, why it is in the queue, its reports, every decision with who,
 * when and why, and a safeguarding concern if its text matched one. Each change returns the next state with the events
 * it raised; the store saves it only over the version it was read at.
 */
record ModerationItem(Contribution contribution, Visibility visibility, QueueReason queued, List<Report> reports,
                      List<Decision> decisions, Review review, Concern concern, Instant submittedAt, long version) {

    static final int REPORTS_TO_HIDE = 3;

    /** Why a moderator has to look at it; null when nobody has to. */
    enum QueueReason { WRITTEN_BY_PUPIL, REPORTED, REVIEW_REQUESTED }

    record Report(String by, String reason, Instant at) {
    }

    record Decision(String by, Visibility visibility, String reason, Instant at) {
    }

    /** The author's one request for another moderator to look again; {@code decidedAt} once that happened. */
    record Review(String reason, Instant at, String excludedModerator, Instant decidedAt) {

        boolean pending() {
            return decidedAt == null;
        }
    }

    record Concern(Set<String> phrases, Set<String> schoolIds, Instant raisedAt, Instant notifiedAt,
                   Instant acknowledgedAt, String acknowledgedBy, String note, Instant escalatedAt, Instant escalationNotifiedAt) {

        Concern notified(Instant at) {
            return new Concern(phrases, schoolIds, raisedAt, at, acknowledgedAt, acknowledgedBy, note, escalatedAt, escalationNotifiedAt);
        }

        Concern escalationNotified(Instant at) {
            return new Concern(phrases, schoolIds, raisedAt, notifiedAt, acknowledgedAt, acknowledgedBy, note, escalatedAt, at);
        }
    }

    record Changed(ModerationItem item, List<Object> events) {
    }

    ModerationItem {
        reports = List.copyOf(reports);
        decisions = List.copyOf(decisions);
    }

    ContributionRef ref() {
        return contribution.ref();
    }

    static Changed submitted(Contribution contribution, Set<String> concernPhrases, Instant now) {
        Concern concern = concernPhrases.isEmpty() ? null
            : new Concern(concernPhrases, contribution.safeguardingSchools(), now, null, null, null, null, null, null);
        Visibility visibility = concern != null ? Visibility.HELD_FOR_SAFEGUARDING
            : contribution.byPupil() ? Visibility.AWAITING_APPROVAL : Visibility.SHOWN;
        QueueReason queued = visibility == Visibility.AWAITING_APPROVAL ? QueueReason.WRITTEN_BY_PUPIL : null;
        Instant written = contribution.dayOnly() ? now.truncatedTo(java.time.temporal.ChronoUnit.DAYS) : now;
        ModerationItem item = new ModerationItem(contribution, visibility, queued, List.of(), List.of(), null, concern, written, 0);
        return new Changed(item, concern == null ? List.of() : List.of(raised(contribution.ref(), concern)));
    }

    /** The author edited it: screened again; an edit never lifts a removal, a hold or a hiding by reports. */
    Changed edited(Contribution edit, Set<String> concernPhrases, Instant now) {
        if (edit.text().equals(contribution.text())) {
            return new Changed(this, List.of());
        }
        if (!concernPhrases.isEmpty() && concern == null) {
            Concern raised = new Concern(concernPhrases, edit.safeguardingSchools(), now, null, null, null, null, null, null);
            return new Changed(with(edit, Visibility.HELD_FOR_SAFEGUARDING, null, raised),
                List.of(raised(edit.ref(), raised), moderated(Visibility.HELD_FOR_SAFEGUARDING, null, "concern phrase")));
        }
        if (visibility == Visibility.SHOWN && edit.byPupil()) {
            return new Changed(with(edit, Visibility.AWAITING_APPROVAL, QueueReason.WRITTEN_BY_PUPIL, concern),
                List.of(moderated(Visibility.AWAITING_APPROVAL, null, "edited by a pupil")));
        }
        return new Changed(with(edit, visibility, queued, concern), List.of());
    }

    Changed reported(String by, String reason, Instant now) {
        if (by.equals(contribution.authorPersonId())) {
            throw Problem.badRequest("own-contribution", "You cannot report what you wrote yourself: edit it instead.");
        }
        if (reports.stream().anyMatch(report -> report.by().equals(by))) {
            return new Changed(this, List.of());
        }
        List<Report> more = new ArrayList<>(reports);
        more.add(new Report(by, reason, now));
        boolean hide = visibility == Visibility.SHOWN && more.size() >= REPORTS_TO_HIDE && !reviewedSinceReports(more);
        ModerationItem next = new ModerationItem(contribution, hide ? Visibility.HIDDEN_AFTER_REPORTS : visibility,
            hide ? QueueReason.REPORTED : queued, more, decisions, review, concern, submittedAt, version);
        return new Changed(next, hide ? List.of(moderated(Visibility.HIDDEN_AFTER_REPORTS, null,
            REPORTS_TO_HIDE + " reports")) : List.of());
    }

    /** A moderator kept it shown after reports: only three reports made after that decision hide it again. */
    private boolean reviewedSinceReports(List<Report> all) {
        if (decisions.isEmpty()) {
            return false;
        }
        Instant lastDecision = decisions.get(decisions.size() - 1).at();
        return all.stream().filter(report -> report.at().isAfter(lastDecision)).count() < REPORTS_TO_HIDE;
    }

    Changed decided(String moderator, Visibility decision, String reason, Instant now) {
        if (decision != Visibility.SHOWN && decision != Visibility.REMOVED) {
            throw Problem.badRequest("bad-decision", "Decide SHOWN or REMOVED.").with("field", "visibility");
        }
        if (decision == Visibility.REMOVED && (reason == null || reason.isBlank())) {
            throw Problem.badRequest("reason-required", "Say why it is removed: the author sees the reason.")
                .with("field", "reason");
        }
        boolean reviewing = review != null && review.pending();
        if (reviewing && moderator.equals(review.excludedModerator())) {
            throw Problem.conflict("another-moderator", "The author asked for a review by another moderator: ask a colleague to decide.");
        }
        List<Decision> more = new ArrayList<>(decisions);
        more.add(new Decision(moderator, decision, reason, now));
        Review reviewed = reviewing ? new Review(review.reason(), review.at(), review.excludedModerator(), now) : review;
        ModerationItem next = new ModerationItem(contribution, decision, null, reports, more, reviewed, concern, submittedAt, version);
        return new Changed(next, List.of(new ContributionModerated(ref(), decision, moderator, reason)));
    }

    Changed reviewRequested(String by, String reason, Instant now) {
        if (!by.equals(contribution.authorPersonId())) {
            throw Problem.notFound("Your contribution " + ref().id());
        }
        if (decisions.isEmpty()) {
            throw Problem.conflict("nothing-decided", "No moderator has decided on it yet: there is nothing to review.");
        }
        if (review != null) {
            throw Problem.conflict("review-already-asked", "A review can be asked for once; it was asked for already.");
        }
        Review asked = new Review(reason, now, decisions.get(decisions.size() - 1).by(), null);
        return new Changed(new ModerationItem(contribution, visibility, QueueReason.REVIEW_REQUESTED, reports, decisions,
            asked, concern, submittedAt, version), List.of());
    }

    Changed acknowledged(String by, String note, Instant now) {
        if (concern == null) {
            throw Problem.notFound("A concern about " + ref().id());
        }
        if (concern.acknowledgedAt() != null) {
            return new Changed(this, List.of());
        }
        Concern done = new Concern(concern.phrases(), concern.schoolIds(), concern.raisedAt(), concern.notifiedAt(), now, by,
            note, concern.escalatedAt(), concern.escalationNotifiedAt());
        return new Changed(new ModerationItem(contribution, visibility, queued, reports, decisions, review, done,
            submittedAt, version), List.of());
    }

    Changed escalated(Instant now) {
        if (concern == null || concern.acknowledgedAt() != null || concern.escalatedAt() != null) {
            return new Changed(this, List.of());
        }
        Concern up = new Concern(concern.phrases(), concern.schoolIds(), concern.raisedAt(), concern.notifiedAt(), null, null,
            null, now, null);
        return new Changed(new ModerationItem(contribution, visibility, queued, reports, decisions, review, up,
            submittedAt, version), List.of());
    }

    ModerationItem withConcern(Concern next) {
        return new ModerationItem(contribution, visibility, queued, reports, decisions, review, next, submittedAt, version);
    }

    private ModerationItem with(Contribution edit, Visibility nextVisibility, QueueReason nextQueued, Concern nextConcern) {
        return new ModerationItem(edit, nextVisibility, nextQueued, reports, decisions, review, nextConcern, submittedAt, version);
    }

    private ContributionModerated moderated(Visibility next, String by, String reason) {
        return new ContributionModerated(ref(), next, by, reason);
    }

    private static ConcernRaised raised(ContributionRef ref, Concern concern) {
        return new ConcernRaised(ref, concern.schoolIds(), concern.phrases());
    }
}
