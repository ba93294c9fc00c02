package app.chorus.retention;

import java.time.Instant;
import app.chorus.platform.BatchDeletes;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * A module's part of the retention purge: deletes or anonymises its data of one {@link RetainedData} kind that
 * expired before a moment. Each batch is single-document atomic updates and safe to repeat: a purge interrupted
 * half way is run again from the start with the same moment and finds only what is still left to do.
 */
public interface ExpiringData {

    RetainedData kind();

    /**
     * Purges what expired before {@code expiredBefore}, emitting how many items each batch purged.
     *
     * @param runId the purge run, for anything the module must do once per run (e.g. an audit checkpoint)
     */
    Flux<Long> purge(Instant expiredBefore, String runId);

    /**
     * Deletes what {@code expired} matches, {@code batch} documents at a time (in the query's order), emitting how many
     * each batch deleted; every deletion is of single documents, so stopping half way loses nothing.
     */
    static Flux<Long> deleteInBatches(ReactiveMongoTemplate mongo, Query expired, String collection, int batch) {
        return BatchDeletes.delete(mongo, expired, collection, batch);
    }
}
