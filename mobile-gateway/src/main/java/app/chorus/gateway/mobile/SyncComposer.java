package app.chorus.gateway.mobile;

import app.chorus.edge.ProblemException;
import app.chorus.gateway.GatewayProperties;
import app.chorus.gateway.api.ApiProblem;
import app.chorus.gateway.api.ApiClient;
import app.chorus.gateway.api.ApiViews.FeedDelta;
import app.chorus.gateway.api.ApiViews.FeedItem;
import app.chorus.gateway.api.ApiViews.Me;
import app.chorus.gateway.api.ApiViews.ReadState;
import app.chorus.gateway.mobile.MobileDelta.ReadMark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Follows the api's delta cursors page after page (bounded) and folds the pages into one answer, so an app
 * that was offline for a week catches up in one call: the latest state of each changed item, tombstones that
 * win over earlier changes, and read marks; the home's consultations alike ({@link ConsultationSync}).
 */
@Component
class SyncComposer {

    private final ApiClient api;
    private final ConsultationSync consultations;
    private final int maxPages;

    SyncComposer(ApiClient api, ConsultationSync consultations, GatewayProperties properties) {
        this.api = api;
        this.consultations = consultations;
        this.maxPages = properties.syncPages();
    }

    Mono<MobileDelta> since(String cursor, String language) {
        SyncCursor from = SyncCursor.parse(cursor);
        Mono<List<FeedDelta>> feed = page(from.feed(), language)
            .expand(delta -> delta.more() ? page(delta.cursor(), language) : Mono.empty())
            .take(maxPages)
            .collectList();
        return Mono.zip(feed, consultations.since(from.consultations()))
            .onErrorMap(ApiProblem.class, refused -> refused.status() == 400 ? invalidCursor() : refused)
            .flatMap(both -> labelled(both.getT1(), both.getT2()));
    }

    /** In the app's terms: the api's own problem names its parameter ({@code cursor}), the app sent {@code since}. */
    private static ProblemException invalidCursor() {
        return new ProblemException(400, "invalid-cursor", "Bad request",
            "This cursor is not one Chorus gave out. Sync again from the 'sync' cursor of /mobile/v1/home.")
            .with("field", "since").with("rule", "invalid-cursor");
    }

    private Mono<FeedDelta> page(String cursor, String language) {
        return api.get(uri -> uri.path("/api/v1/feed").queryParam("since", "{since}")
            .queryParamIfPresent("lang", java.util.Optional.ofNullable(language)).build(cursor), FeedDelta.class);
    }

    private Mono<MobileDelta> labelled(List<FeedDelta> pages, ConsultationSync.Changes consultations) {
        Folded folded = Folded.of(pages);
        if (folded.changed.isEmpty()) {
            return Mono.just(folded.toDelta(new ChildLabels(List.of()), consultations));
        }
        return api.get(uri -> uri.path("/api/v1/me").build(), Me.class)
            .map(me -> folded.toDelta(new ChildLabels(me.children()), consultations));
    }

    private record Folded(Map<String, FeedItem> changed, TreeSet<String> removed, Map<String, ReadState> read,
                          FeedDelta last) {

        static Folded of(List<FeedDelta> pages) {
            Folded folded = new Folded(new LinkedHashMap<>(), new TreeSet<>(), new TreeMap<>(), pages.get(pages.size() - 1));
            pages.forEach(folded::apply);
            return folded;
        }

        private void apply(FeedDelta page) {
            for (FeedItem item : page.changed()) {
                removed.remove(item.id());
                changed.remove(item.id());
                changed.put(item.id(), item);
            }
            for (String id : page.removed()) {
                changed.remove(id);
                read.remove(id);
                removed.add(id);
            }
            for (ReadState state : page.read()) {
                read.put(state.id(), state);
            }
        }

        MobileDelta toDelta(ChildLabels labels, ConsultationSync.Changes consultations) {
            List<MobileAnnouncement> cards = new ArrayList<>();
            changed.values().forEach(item -> cards.add(MobileAnnouncement.of(item, labels)));
            List<ReadMark> marks = read.values().stream()
                .map(state -> new ReadMark(state.id(), state.openedAt(), state.acknowledgedAt())).toList();
            return new MobileDelta(cards, List.copyOf(removed), marks,
                new SyncCursor(last.cursor(), consultations.cursor()).value(), last.more() || consultations.more(),
                last.unread(), last.awaitingAcknowledgement(), consultations.changed(), consultations.removed());
        }
    }
}
