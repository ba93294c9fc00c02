package app.chorus.rights.internal;

import app.chorus.directory.RosterLeavers;
import app.chorus.retention.ExpiringData;
import app.chorus.retention.RetainedData;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Leavers past the schedule's {@code rosterLeavers} period are erased, a batch at a time, longest gone first. A leaver
 * stays listed until every module has handled their erasure, so a purge stopped half way erases them again (the
 * modules' erasure repeats safely) and goes on.
 */
@Component
class ExpiredLeavers implements ExpiringData {

    static final int BATCH = 100;

    private final RosterLeavers leavers;
    private final Erasures erasures;
    private final Clock clock;

    ExpiredLeavers(RosterLeavers leavers, Erasures erasures, ObjectProvider<Clock> clock) {
        this.leavers = leavers;
        this.erasures = erasures;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public RetainedData kind() {
        return RetainedData.ROSTER_LEAVERS;
    }

    @Override
    public Flux<Long> purge(Instant expiredBefore, String runId) {
        return Mono.defer(() -> leavers.leftBefore(expiredBefore, BATCH)
                .concatMap(leaver -> erasures.eraseLeaver(leaver, clock.instant()))
                .count())
            .repeat()
            .takeWhile(erased -> erased > 0);
    }
}
