package app.chorus.opinions.math;

import app.chorus.opinions.math.PolisExport.Statement;
import app.chorus.opinions.math.PolisExport.TimedVote;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replays a Polis export through the live update path: statements appear at their creation times (moderated-out ones
 * zeroed from the start: the export does not say when they were moderated), votes are applied in time order (so the
 * latest of repeated votes wins) and the map is updated once per {@link Cadence}.
 */
public final class PolisReplay {

    /**
     * When one update happens: after {@code votes} pending votes or once {@code periodMillis} of conversation time
     * has passed since the first pending vote, whichever comes first.
     */
    public record Cadence(int votes, long periodMillis) {

        /** Polis's math worker polls for new votes every second and folds all it finds into one update. */
        public static final Cadence LIVE = new Cadence(1_000, 1_000);

        /**
         * Up to this many cells (participants x statements) a map updates at the base cadence; each further step
         * stretches both bounds once more, so that a trust-wide map's updates (about a second of one core at 50
         * million cells) keep to about a fifth of a core.
         */
        public static final long CELLS_PER_STEP = 10_000_000;

        /** The cadence for a map of this many participants and statements (as of its last update). */
        public Cadence forSize(long participants, long statements) {
            long steps = Math.max(1, (participants * statements + CELLS_PER_STEP - 1) / CELLS_PER_STEP);
            return steps == 1 ? this : new Cadence((int) Math.min(Integer.MAX_VALUE, votes * steps), periodMillis * steps);
        }
    }

    private PolisReplay() {
    }

    public static OpinionMapUpdater replay(PolisExport export, Cadence cadence) {
        return play(new OpinionMapUpdater(), export, cadence);
    }

    /**
     * Resumes from a checkpoint: the votes it had folded are loaded without an update each, then the rest ({@code
     * after}: the statements, and the votes cast since) are replayed as {@link #replay} would have carried on.
     */
    public static OpinionMapUpdater resume(Checkpoint checkpoint, Collection<Vote> folded, PolisExport after, Cadence cadence) {
        OpinionMapUpdater updater = OpinionMapUpdater.resume(checkpoint, folded);
        if (after.votes().isEmpty()) {
            // Nothing cast since: the map stays as it was; statements that joined or changed since wait for the next update.
            addStatementsUpTo(updater, after.statements(), 0, Long.MAX_VALUE);
            return updater;
        }
        return play(updater, after, cadence);
    }

    private static OpinionMapUpdater play(OpinionMapUpdater updater, PolisExport export, Cadence cadence) {
        List<Statement> statements = export.statements().stream()
                .sorted(Comparator.comparingLong(Statement::createdAt)).toList();
        List<TimedVote> votes = export.votes().stream().sorted(Comparator.comparingLong(TimedVote::at)).toList();
        List<Vote> pending = new ArrayList<>();
        long windowStart = 0;
        int next = 0;
        Cadence now = cadence.forSize(updater.participantCount(), updater.statementCount());
        for (TimedVote vote : votes) {
            if (!pending.isEmpty() && (pending.size() >= now.votes() || vote.at() - windowStart >= now.periodMillis())) {
                updater.fold(pending);
                pending.clear();
                now = cadence.forSize(updater.participantCount(), updater.statementCount());
            }
            next = addStatementsUpTo(updater, statements, next, vote.at());
            if (pending.isEmpty()) {
                windowStart = vote.at();
            }
            pending.add(vote.vote());
        }
        addStatementsUpTo(updater, statements, next, Long.MAX_VALUE);
        updater.fold(pending);
        return updater;
    }

    private static int addStatementsUpTo(OpinionMapUpdater updater, List<Statement> statements, int next, long time) {
        int i = next;
        while (i < statements.size() && statements.get(i).createdAt() <= time) {
            Statement statement = statements.get(i++);
            updater.addStatement(statement.id());
            updater.moderate(statement.id(), statement.moderatedOut());
        }
        return i;
    }
}
