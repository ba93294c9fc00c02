package app.chorus.opinions.internal;

import app.chorus.opinions.math.Checkpoint;
import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * {@code opinion_map_checkpoints}: one per conversation, replaced as the map moves on. The maths' state after an update
 * ({@link Checkpoint}) and its watermark: the last vote folded into it, by time and key. A restart resumes from it with
 * the votes up to the watermark and replays only the newer ones (ADR 0160).
 */
record MapCheckpoint(@Id String conversationId, Watermark watermark, Checkpoint state, Instant savedAt) {

    static final String COLLECTION = "opinion_map_checkpoints";

    /** A vote's place in the order votes are replayed: its time, then its key. */
    record Watermark(long at, String voteId) implements Comparable<Watermark> {

        static final Watermark NONE = new Watermark(Long.MIN_VALUE, "");

        static Watermark of(StoredVote vote) {
            return new Watermark(vote.at(), vote.id());
        }

        @Override
        public int compareTo(Watermark other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : voteId.compareTo(other.voteId);
        }

        Watermark max(Watermark other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }
}
