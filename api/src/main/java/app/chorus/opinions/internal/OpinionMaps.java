package app.chorus.opinions.internal;

import app.chorus.identity.CurrentUser;
import app.chorus.shared.SmallGroups;
import app.chorus.opinions.internal.MapView.StatementRef;
import app.chorus.opinions.internal.ReportView.GroupInWords;
import app.chorus.opinions.internal.ReportView.Participation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading the live map: as a view per caller, as a stream of updates, as the leaders' report and its picture. */
@Service
public class OpinionMaps {

    private final OpinionStore store;
    private final Seats seats;
    private final LiveMaps maps;
    private final SmallGroups smallGroups;

    OpinionMaps(OpinionStore store, Seats seats, LiveMaps maps, SmallGroups smallGroups) {
        this.store = store;
        this.seats = seats;
        this.maps = maps;
        this.smallGroups = smallGroups;
    }

    public Mono<MapView> map(CurrentUser user, String conversationId) {
        return seats.of(user, conversationId).flatMap(seat -> maps.of(conversationId)
            .flatMap(map -> view(seat, map, map.snapshot())));
    }

    /** The map now, then again after every update. */
    public Flux<MapView> stream(CurrentUser user, String conversationId) {
        return seats.of(user, conversationId).flatMapMany(seat -> maps.of(conversationId)
            .flatMapMany(map -> map.updates().concatMap(snapshot -> view(seat, map, snapshot))));
    }

    public Mono<ReportView> report(CurrentUser user, String conversationId) {
        return seats.leading(user, conversationId).flatMap(seat -> Mono.zip(maps.of(conversationId),
                store.statements(conversationId).collectList())
            .map(found -> report(seat.conversation(), found.getT1(), found.getT2(), smallGroups)));
    }

    public Mono<String> picture(CurrentUser user, String conversationId) {
        return seats.of(user, conversationId).flatMap(seat -> maps.of(conversationId)
            .map(map -> MapPicture.svg(seat.conversation().topic(), map.snapshot())));
    }

    private Mono<MapView> view(Seat seat, LiveMap map, MapSnapshot snapshot) {
        Mono<List<Participant>> participants = seat.leads()
            ? store.participants(seat.conversation().id()).collectList() : Mono.just(List.of());
        int votes = seat.takesPart() ? map.votesOf(seat.personId()) : 0;
        return Mono.zip(texts(seat.conversation().id()), participants)
            .map(found -> MapViews.view(snapshot, found.getT1(), found.getT2(), seat, votes, smallGroups));
    }

    /** The texts of the statements that may be shown. */
    private Mono<Map<String, String>> texts(String conversationId) {
        return store.statements(conversationId).filter(statement -> statement.visibility().shown())
            .collectMap(Statement::id, Statement::text);
    }

    private static ReportView report(Conversation conversation, LiveMap live, List<Statement> statements, SmallGroups smallGroups) {
        MapSnapshot snapshot = live.snapshot();
        Map<String, String> texts = statements.stream().filter(s -> s.visibility().shown())
            .collect(Collectors.toMap(Statement::id, Statement::text));
        List<GroupInWords> groups = snapshot.map().groups().stream().map(group -> {
            List<StatementRef> representative = group.representative().stream()
                .map(id -> new StatementRef(id, texts.getOrDefault(id, ""))).toList();
            return new GroupInWords(MapViews.label(group.id()), group.size(), inWords(MapViews.label(group.id()),
                group.size(), representative), representative);
        }).toList();
        int placed = (int) snapshot.map().participants().values().stream().filter(group -> group != null).count();
        Participation participation = new Participation(snapshot.map().participants().size(), placed, live.voteCount(),
            statements.stream().filter(s -> s.visibility().shown()).count(), statements.stream().filter(Statement::moderatedOut).count());
        boolean few = smallGroups.hides(snapshot.map().participants().size());
        return new ReportView(conversation.topic(), participation, groups,
            few ? List.of() : snapshot.map().consensusAgree().stream().map(id -> new StatementRef(id, texts.getOrDefault(id, ""))).toList(),
            few ? List.of() : snapshot.map().consensusDisagree().stream().map(id -> new StatementRef(id, texts.getOrDefault(id, ""))).toList(),
            "/api/v1/opinions/conversations/" + conversation.id() + "/map.svg");
    }

    private static String inWords(String label, int size, List<StatementRef> representative) {
        if (representative.isEmpty()) {
            return label + " (" + size + " people) voted alike, with no statement setting them apart yet.";
        }
        return label + " (" + size + " people) is set apart by how they voted on: "
            + representative.stream().map(s -> "\u201c" + s.text() + "\u201d").collect(Collectors.joining("; ")) + ".";
    }
}
