package app.chorus.opinions.internal;

import app.chorus.opinions.math.OpinionMap;
import app.chorus.opinions.math.OpinionMapUpdater;
import java.time.Instant;
import java.util.Map;

/**
 * The map as of one update, immutable, read by every request until the next update replaces it.
 *
 * @param version   how many updates made it (0 before the first)
 * @param positions every participant's (x, y)
 * @param extremity Polis's comment extremity per statement, for statement routing
 * @param shapes    each group's centre and outline
 * @param voteMinimum the votes that place a participant (min(7, statements someone has voted on))
 */
record MapSnapshot(long version, Instant at, OpinionMap map, Map<String, double[]> positions, Map<String, Double> extremity,
                   Map<Integer, GroupShapes.Shape> shapes, int voteMinimum) {

    static final MapSnapshot EMPTY = new MapSnapshot(0, Instant.EPOCH,
        new OpinionMap(Map.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), Map.of()), Map.of(), Map.of(), Map.of(), 0);

    static MapSnapshot of(long version, OpinionMapUpdater updater) {
        OpinionMap map = updater.map();
        Map<String, double[]> positions = Map.copyOf(updater.positions());
        return new MapSnapshot(version, Instant.now(), map, positions, Map.copyOf(updater.extremity()),
            GroupShapes.of(map, positions), updater.voteMinimum());
    }
}
