package app.chorus.decisions.internal;

import app.chorus.decisions.internal.VotingUnit.Cell;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.DirectoryQueries.CaredForPupil;
import app.chorus.shared.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may cast which ballots, decided from the directory when they vote: a carer one per child in the audience (only
 * for children they are the parent or guardian of, when the decision says so; or one for themself when the decision
 * counts per person), staff and pupils one each for themselves.
 */
@Component
class Voters {

    private final AudienceResolver audiences;
    private final DirectoryQueries directory;

    Voters(AudienceResolver audiences, DirectoryQueries directory) {
        this.audiences = audiences;
        this.directory = directory;
    }

    Flux<VotingUnit> unitsOf(Decision decision, String personId) {
        if (personId == null || personId.isBlank()) {
            return Flux.empty();
        }
        boolean carersOnly = decision.audience().roles().equals(Set.of(AudienceRole.CARERS));
        // a carers-only vote needs only the children; staff and pupils are found by their audience keys
        Mono<Set<String>> keys = carersOnly ? Mono.just(Set.of()) : audiences.keysOf(personId);
        return Mono.zip(keys, directory.pupilsCaredFor(personId).collectList())
            .flatMapIterable(both -> units(decision, personId, both.getT1(), both.getT2()));
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
