package app.chorus.consultations.internal;

import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Consultation fatigue: for a consultation being opened, counts the people of its audience who already have asks open
 * over the same time, streaming the audience in batches (only counters are kept), and warns above the trust's limit.
 */
@Component
class FatigueCheck {

    private static final int BATCH = 500;
    private final Asks asks;
    private final AudienceResolver audiences;
    private final int limit;
    private final Clock clock;

    FatigueCheck(Asks asks, AudienceResolver audiences,
                 @Value("${chorus.consultations.fatigue.open-asks-per-person:3}") int limit, ObjectProvider<Clock> clock) {
        this.asks = asks;
        this.audiences = audiences;
        this.limit = limit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Mono<Fatigue> of(Consultation consultation) {
        if (consultation.asksFrom() == null) {
            return Mono.empty();
        }
        return asks.openOrPlanned(clock.instant())
            .filter(ask -> !ask.id().equals(consultation.id()) && ask.overlaps(consultation.asksFrom(), consultation.asksUntil()))
            .collectList()
            .flatMap(overlapping -> count(consultation, overlapping).map(counts -> fatigue(overlapping, counts)));
    }

    /** people, with open asks, above the limit. */
    private Mono<long[]> count(Consultation consultation, List<Ask> overlapping) {
        List<Set<String>> keysOfAsks = overlapping.stream().map(ask -> ask.audience().keys()).toList();
        return audiences.resolve(consultation.audience()).map(AudienceMember::personId).buffer(BATCH)
            .concatMap(batch -> audiences.keysOf(batch).flatMapMany(keys -> Flux.fromIterable(batch)
                .map(person -> openAsks(keys.getOrDefault(person, Set.of()), keysOfAsks))))
            .reduce(new long[3], (totals, open) -> {
                totals[0]++;
                totals[1] += open > 0 ? 1 : 0;
                totals[2] += open + 1 > limit ? 1 : 0;
                return totals;
            });
    }

    private static long openAsks(Set<String> personKeys, List<Set<String>> keysOfAsks) {
        return keysOfAsks.stream().filter(keys -> keys.stream().anyMatch(personKeys::contains)).count();
    }

    private Fatigue fatigue(List<Ask> overlapping, long[] counts) {
        List<Fatigue.Overlap> shown = overlapping.stream()
            .map(ask -> new Fatigue.Overlap(ask.kind(), ask.id(), ask.title(), ask.from(), ask.until())).toList();
        String warning = counts[2] == 0 ? null : counts[2] + " of the " + counts[0] + " people asked would have more than " + limit
            + " surveys, consultations and votes open at once with this one. Consider other dates or a narrower audience; check the calendar.";
        return new Fatigue(counts[0], counts[1], counts[2], limit, shown, warning);
    }
}
