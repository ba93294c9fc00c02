package app.chorus.opinions.internal;

import app.chorus.opinions.internal.MapView.GroupBreakdown;
import app.chorus.opinions.internal.MapView.OpinionGroup;
import app.chorus.opinions.internal.MapView.ScoredStatement;
import app.chorus.opinions.internal.MapView.StatementRef;
import app.chorus.opinions.internal.MapView.You;
import app.chorus.opinions.math.OpinionMap;
import app.chorus.shared.SmallGroups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns a map snapshot into what one caller sees: statement texts, breakdowns for leaders, their own place. */
final class MapViews {

    private static final int GROUP_AWARE_SHOWN = 5;

    private MapViews() {
    }

    static MapView view(MapSnapshot snapshot, Map<String, String> texts, List<Participant> participants, Seat seat,
                        int callerVotes, SmallGroups smallGroups) {
        OpinionMap map = snapshot.map();
        Function<String, StatementRef> ref = id -> new StatementRef(id, texts.getOrDefault(id, ""));
        List<OpinionGroup> groups = new ArrayList<>();
        for (OpinionMap.Group group : map.groups()) {
            GroupShapes.Shape shape = snapshot.shapes().get(group.id());
            groups.add(new OpinionGroup(group.id(), label(group.id()), group.size(),
                group.representative().stream().map(ref).toList(),
                seat.leads() ? breakdown(map, group.id(), participants, smallGroups) : null,
                shape == null ? null : shape.centre(), shape == null ? List.of() : shape.hull()));
        }
        List<ScoredStatement> groupAware = map.groupAwareConsensus().entrySet().stream()
            .filter(entry -> texts.containsKey(entry.getKey()))
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(GROUP_AWARE_SHOWN)
            .map(entry -> new ScoredStatement(entry.getKey(), texts.get(entry.getKey()), entry.getValue())).toList();
        int placed = (int) map.participants().values().stream().filter(group -> group != null).count();
        // What "most people" think, over fewer than 5 voters, would tell how one or two of them voted.
        boolean few = smallGroups.hides(map.participants().size());
        return new MapView(snapshot.version(), snapshot.at(), map.participants().size(), placed, snapshot.voteMinimum(), groups,
            few ? List.of() : map.consensusAgree().stream().map(ref).toList(),
            few ? List.of() : map.consensusDisagree().stream().map(ref).toList(),
            few ? List.of() : groupAware, seat.takesPart() ? you(snapshot, seat.personId(), callerVotes) : null);
    }

    static String label(int group) {
        return "Group " + (char) ('A' + group);
    }

    private static GroupBreakdown breakdown(OpinionMap map, int group, List<Participant> participants, SmallGroups smallGroups) {
        List<Participant> members = participants.stream()
            .filter(participant -> Integer.valueOf(group).equals(map.participants().get(participant.personId()))).toList();
        if (smallGroups.hides(members.size())) {
            return new GroupBreakdown(true, null, null);
        }
        return new GroupBreakdown(false, counts(members, Participant::schoolId, smallGroups),
            counts(members, Participant::role, smallGroups));
    }

    private static Map<String, Long> counts(List<Participant> members, Function<Participant, String> key,
                                            SmallGroups smallGroups) {
        Map<String, Long> counts = members.stream().collect(Collectors.groupingBy(
            member -> key.apply(member) == null ? "unknown" : key.apply(member), TreeMap::new, Collectors.counting()));
        var hidden = smallGroups.hiddenGroups(counts);
        Map<String, Long> shown = new java.util.LinkedHashMap<>();
        counts.forEach((group, count) -> shown.put(group, hidden.contains(group) ? null : count));
        return shown;
    }

    private static You you(MapSnapshot snapshot, String personId, int votes) {
        Integer group = snapshot.map().participants().get(personId);
        double[] position = snapshot.positions().get(personId);
        Integer closest = group != null ? group : closestGroup(snapshot, position);
        return new You(votes, group != null, group, closest, position);
    }

    /** The group whose members' mean position is nearest; null without a position or groups. */
    static Integer closestGroup(MapSnapshot snapshot, double[] position) {
        if (position == null) {
            return null;
        }
        Map<Integer, double[]> centres = centres(snapshot);
        return centres.entrySet().stream()
            .min(Comparator.comparingDouble(entry -> Math.hypot(entry.getValue()[0] - position[0], entry.getValue()[1] - position[1])))
            .map(Map.Entry::getKey).orElse(null);
    }

    /** Each group's mean position (x, y). */
    static Map<Integer, double[]> centres(MapSnapshot snapshot) {
        Map<Integer, double[]> centres = new TreeMap<>();
        snapshot.shapes().forEach((group, shape) -> centres.put(group, shape.centre()));
        return centres;
    }
}
