package app.chorus.notifications.internal.fanout;

import app.chorus.notifications.FanOutProgress;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.internal.PushProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Starts, reports and cancels fan-outs. */
@Service("notificationsFanOutService")
public class FanOutService {

    private final FanOuts fanOuts;
    private final Batches batches;
    private final FanOutWorkers workers;
    private final Duration lifetime;
    private final Clock clock;

    FanOutService(FanOuts fanOuts, Batches batches, FanOutWorkers workers, PushProperties properties,
                  ObjectProvider<Clock> clock) {
        this.fanOuts = fanOuts;
        this.lifetime = properties.messageLifetime();
        this.batches = batches;
        this.workers = workers;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Mono<String> start(PushMessage message) {
        Instant now = clock.instant();
        return fanOuts.create(message, now, now.plus(lifetime))
            .doOnNext(created -> {
                if (created) {
                    workers.planNow(message.fanOutId());
                }
            })
            .thenReturn(message.fanOutId());
    }

    public Mono<FanOutProgress> progress(String fanOutId) {
        return fanOuts.find(fanOutId).zipWith(batches.totals(fanOutId), (job, sums) ->
            new FanOutProgress(fanOutId, job.getString("state"), sums[0], sums[1], sums[2], sums[3], sums[5], sums[4]));
    }

    public Mono<Void> cancel(String sourceId) {
        return fanOuts.cancel(sourceId).then(batches.cancelPending(sourceId)).then();
    }
}
