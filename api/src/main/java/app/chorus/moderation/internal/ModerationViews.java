package app.chorus.moderation.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.PersonSummary;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Items as moderators and safeguarding leads read them, with the author's name from the directory. */
@Component
class ModerationViews {

    private final DirectoryQueries directory;

    ModerationViews(DirectoryQueries directory) {
        this.directory = directory;
    }

    Mono<QueueEntry> queueEntry(ModerationItem item) {
        var c = item.contribution();
        return nameOf(c.authorPersonId()).map(author -> new QueueEntry(c.ref().kind(), c.ref().id(), c.title(), c.text(),
            c.schoolId(), author, c.byPupil(), item.visibility(), reasonOf(item),
            item.reports().stream().map(ModerationItem.Report::reason).filter(reason -> reason != null && !reason.isBlank()).toList(),
            item.decisions().stream().map(d -> new QueueEntry.DecisionView(d.by(), d.visibility(), d.reason(), d.at())).toList(),
            item.review() == null ? null : item.review().reason(), item.submittedAt()));
    }

    Mono<ConcernEntry> concernEntry(ModerationItem item) {
        var c = item.contribution();
        var concern = item.concern();
        return nameOf(c.authorPersonId()).map(author -> new ConcernEntry(c.ref().kind(), c.ref().id(), c.title(), c.text(),
            author, c.authorPersonId(), c.byPupil(), concern.schoolIds(), concern.phrases(), concern.raisedAt(),
            concern.acknowledgedAt(), concern.acknowledgedBy(), concern.note(), concern.escalatedAt()));
    }

    private Mono<String> nameOf(String personId) {
        if (personId == null) {
            return Mono.just("not named (an anonymous or confidential answer)");
        }
        return directory.person(personId).map(PersonSummary::displayName).defaultIfEmpty("someone no longer on the roster");
    }

    static String reasonOf(ModerationItem item) {
        if (item.queued() == null) {
            return "Decided";
        }
        return switch (item.queued()) {
            case WRITTEN_BY_PUPIL -> "Written by a pupil: nobody else sees it until a moderator approves it";
            case REPORTED -> "Reported by " + item.reports().size() + " people: hidden until reviewed";
            case REVIEW_REQUESTED -> "The author asked for another moderator to review the decision";
        };
    }

}
