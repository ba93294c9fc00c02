package app.chorus.decisions.internal;

import app.chorus.decisions.internal.VotingUnit.Cell;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.DirectoryQueries.CaredForPupil;
import app.chorus.platform.Coalescer;
import app.chorus.shared.Problem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may cast which ballots, decided from the directory when they vote: a carer one per child in the audience (only
 * for children they are the parent or guardian of, when the decision says so; or one for themself when the decision
 * counts per person), staff and pupils one each for themselves. People asking together are read from the directory
 * together (one {@code $in} read), and what was read is used again for {@link #FRESH_FOR} (ADR 0291).
 */
@Component
class Voters {

    /** How long a person's children and audience keys read from the directory serve their ballots and reads. */
    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    private static final int MAX_BATCH = 256;

    private final AudienceResolver audiences;
    private final DirectoryQueries directory;
    private final Coalescer<String, Voter> lookups = new Coalescer<>(MAX_BATCH, this::read);
    private final Cache<String, Voter> recent = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(FRESH_FOR).build();

    /** A person as the directory knows them for voting: the children they care for and their audience keys. */
    private record Voter(List<CaredForPupil> children, Set<String> keys) {
    }

    /** Someone the directory does not know: no children, in no audience. */
    private static final Voter NOBODY = new Voter(List.of(), Set.of());

    Voters(AudienceResolver audiences, DirectoryQueries directory) {
        this.audiences = audiences;
        this.directory = directory;
    }

    Flux<VotingUnit> unitsOf(Decision decision, String personId) {
        if (personId == null || personId.isBlank()) {
            return Flux.empty();
        }
        return voter(personId).flatMapIterable(voter -> units(decision, personId, voter.keys(), voter.children()));
    }

    private Mono<Voter> voter(String personId) {
        Voter known = recent.getIfPresent(personId);
        return known != null ? Mono.just(known) : lookups.submit(personId).doOnNext(voter -> recent.put(personId, voter));
    }

    private Mono<List<Coalescer.Outcome<Voter>>> read(List<String> personIds) {
        return directory.audiencePlaces(Set.copyOf(personIds)).map(places -> personIds.stream()
            .map(places::get)
            .map(place -> Coalescer.Outcome.of(place == null ? NOBODY : new Voter(place.children(), place.keys())))
            .toList());
    }

    /** The unit a ballot is cast for; 404 when this person may not cast it (their vote is nobody else's business). */
    Mono<VotingUnit> unit(Decision decision, String personId, String unit) {
        return unitsOf(decision, personId).collectList().flatMap(units -> {
            String wanted = unit == null && units.size() == 1 ? units.get(0).unit() : unit;
            return Mono.justOrEmpty(units.stream().filter(candidate -> candidate.unit().equals(wanted)).findFirst())
                .switchIfEmpty(Mono.error(() -> unit == null && units.size() > 1
                    ? Problem.badRequest("unit-required", "You may vote for several children: say which one in 'unit'.")
                        .with("units", units.stream().map(VotingUnit::unit).toList())
                    : Problem.notFound("A vote for you in decision " + decision.id())));
        });
    }

    /** How many units may vote now (for the quorum): children or people in the audience. */
    Mono<Long> eligible(Decision decision) {
        Audience audience = decision.audience();
        Audience counted = decision.perChild() ? new Audience(audience.scope(), audience.ids(), Set.of(AudienceRole.PUPILS)) : audience;
        return audiences.reach(counted).map(reach -> reach.people());
    }

    private static List<VotingUnit> units(Decision decision, String personId, Set<String> keys, List<CaredForPupil> children) {
        Set<String> wanted = decision.audience().keys();
        List<VotingUnit> units = new ArrayList<>();
        List<CaredForPupil> inAudience = children.stream().filter(child -> reaches(wanted, child)).toList();
        if (decision.perChild()) {
            inAudience.stream().filter(child -> !decision.parentsAndGuardiansOnly() || child.parentOrGuardian()).forEach(child -> units.add(new VotingUnit(child.pupilId(), "pupil:" + child.pupilId(), personId,
                child.pupilId(), child.givenName() + " (" + child.schoolName() + ")",
                new Cell(child.schoolId(), orNoYear(child.yearGroup()), AudienceRole.CARERS))));
        } else if (!inAudience.isEmpty()) {
            CaredForPupil first = inAudience.get(0);
            units.add(self(personId, new Cell(first.schoolId(), orNoYear(first.yearGroup()), AudienceRole.CARERS)));
        }
        for (AudienceRole role : List.of(AudienceRole.STAFF, AudienceRole.PUPILS)) {
            String suffix = "/" + role.key();
            boolean asked = units.stream().noneMatch(u -> u.unit().equals(VotingUnit.SELF))
                && keys.stream().anyMatch(key -> key.endsWith(suffix) && wanted.contains(key));
            if (asked) {
                String school = schoolOf(keys, suffix, decision.schoolId());
                units.add(self(personId, new Cell(school, yearOf(keys, school, suffix), role)));
            }
        }
        return units;
    }

    private static VotingUnit self(String personId, Cell cell) {
        return new VotingUnit(VotingUnit.SELF, "person:" + personId, personId, null, "You", cell);
    }

    private static boolean reaches(Set<String> wanted, CaredForPupil child) {
        if (wanted.contains(Audience.trustKey(AudienceRole.CARERS))
            || wanted.contains(Audience.schoolKey(child.schoolId(), AudienceRole.CARERS))) {
            return true;
        }
        if (child.yearGroup() != null && wanted.contains(Audience.yearKey(child.schoolId(), child.yearGroup(), AudienceRole.CARERS))) {
            return true;
        }
        return child.classIds() != null && child.classIds().stream().anyMatch(c -> wanted.contains(Audience.classKey(c, AudienceRole.CARERS)));
    }

    private static String schoolOf(Set<String> keys, String suffix, String preferred) {
        List<String> schools = keys.stream().filter(key -> key.startsWith("school:") && key.endsWith(suffix))
            .map(key -> key.substring("school:".length(), key.length() - suffix.length())).sorted().toList();
        return schools.contains(preferred) ? preferred : schools.stream().findFirst().orElse("-");
    }

    private static String yearOf(Set<String> keys, String school, String suffix) {
        String prefix = "year:" + school + ":";
        return keys.stream().filter(key -> key.startsWith(prefix) && key.endsWith(suffix))
            .map(key -> key.substring(prefix.length(), key.length() - suffix.length())).findFirst().orElse(Cell.NO_YEAR);
    }

    private static String orNoYear(String year) {
        return year == null || year.isBlank() ? Cell.NO_YEAR : year;
    }
}
