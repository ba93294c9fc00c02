package app.chorus.directory.web;

import app.chorus.directory.AccessPolicy;
import app.chorus.directory.internal.inbox.InboxEntry;
import app.chorus.directory.internal.inbox.InboxRecords;
import app.chorus.directory.internal.inbox.RosterAdministrators;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import app.chorus.shared.PositionCursor;
import app.chorus.shared.Problem;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What came of the file sets dropped into the trust's roster inbox, newest first, for trust administrators; a reader
 * is told of the inbox's failed imports from then on.
 */
@RestController
class RosterInboxController {

    private static final int MOST = 100;

    private final AccessPolicy policy;
    private final InboxRecords records;
    private final RosterAdministrators administrators;

    RosterInboxController(AccessPolicy policy, InboxRecords records, RosterAdministrators administrators) {
        this.policy = policy;
        this.administrators = administrators;
        this.records = records;
    }

    @GetMapping("/api/v1/directory/imports/inbox")
    Mono<Page<InboxEntry>> inbox(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cursor,
                                 @RequestParam(defaultValue = "20") int limit) {
        PositionCursor after = PositionCursor.decode(cursor);
        int size = PositionCursor.limit(limit, MOST);
        return policy.accessOf(user).flatMap(access -> {
            if (!access.canImportRoster()) {
                return Mono.error(Problem.forbidden("roster-import-forbidden",
                    "Only trust administrators read the roster imports. Ask your trust's administrator."));
            }
            return administrators.learn(user.personId())
                .then(records.latest(after, size + 1).collectList().map(entries -> page(entries, size)));
        });
    }

    private static Page<InboxEntry> page(List<InboxEntry> entries, int size) {
        if (entries.size() <= size) {
            return new Page<>(entries, null);
        }
        List<InboxEntry> shown = entries.subList(0, size);
        return new Page<>(shown, shown.get(size - 1).position().encode());
    }
}
