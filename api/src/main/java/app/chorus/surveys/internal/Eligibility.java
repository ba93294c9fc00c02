package app.chorus.surveys.internal;

import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.DirectoryQueries.AudiencePlace;
import app.chorus.directory.DirectoryQueries.CaredForPupil;
import app.chorus.platform.Coalescer;
import app.chorus.shared.Problem;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who owes a survey which answers, decided from the directory at the time of answering: a carer owes one answer per
 * child in the audience (or each carer of a child when the survey says so; only parents and guardians when it is
 * consent-like), staff and pupils one for themselves.
 */
@Component
public class Eligibility {

    /** People asked about together: one {@code $in} read serves them all (ADR 0087). */
    private static final int MAX_BATCH = 256;

    private final DirectoryQueries directory;
    private final Coalescer<String, Asker> askers = new Coalescer<>(MAX_BATCH, this::askers);

    Eligibility(DirectoryQueries directory) {
        this.directory = directory;
    }

    public Flux<ResponseUnit> unitsOf(Survey survey, String personId) {
        return asker(personId).flatMapMany(asker -> unitsOf(survey, asker));
    }

    /**
     * A person as surveys see them (their children and audience keys), read once: asking which of many surveys
     * wait for them then costs no further reads.
     */
    public Mono<Asker> asker(String personId) {
        if (personId == null || personId.isBlank()) {
            return Mono.empty();
        }
        return askers.submit(personId);
    }

    private Mono<List<Coalescer.Outcome<Asker>>> askers(List<String> personIds) {
        return directory.audiencePlaces(Set.copyOf(personIds)).map(places -> personIds.stream()
            .map(personId -> Coalescer.Outcome.of(asker(personId, places.get(personId))))
            .toList());
    }

    private static Asker asker(String personId, AudiencePlace place) {
        return place == null ? new Asker(personId, List.of(), Set.of()) : new Asker(personId, place.children(), place.keys());
    }

    public Flux<ResponseUnit> unitsOf(Survey survey, Asker asker) {
        Set<String> audienceKeys = survey.audience().keys();
        Flux<ResponseUnit> children = survey.answersPerChild()
            ? Flux.fromIterable(asker.children()).filter(pupil -> intersects(pupil.carerKeys(), audienceKeys))
                .filter(pupil -> !survey.parentsAndGuardiansOnly() || pupil.parentOrGuardian())
                .map(pupil -> childUnit(survey, asker.personId(), pupil))
            : Flux.empty();
        return Flux.concat(children, Mono.justOrEmpty(selfUnit(survey, asker.personId(), asker.keys(), audienceKeys)));
    }

    /** Who is asking: a person with the pupils they care for and their audience keys. */
    public record Asker(String personId, List<CaredForPupil> children, Set<String> keys) {
    }

    /** The unit a person answers as, or a 404 when they are not asked (their answer is nobody's business). */
    public Mono<ResponseUnit> unit(Survey survey, String personId, String unit) {
        return unitsOf(survey, personId)
            .filter(candidate -> candidate.unit().equals(unit))
            .next()
            .switchIfEmpty(Mono.error(() -> Problem.notFound("A survey for you as '" + unit + "'")));
    }

    private static ResponseUnit childUnit(Survey survey, String carerId, CaredForPupil pupil) {
        return new ResponseUnit(pupil.pupilId(),
            survey.eachCarerAnswers() ? "carer:" + carerId + ":pupil:" + pupil.pupilId() : "pupil:" + pupil.pupilId(),
            carerId, pupil.pupilId(), pupil.givenName() + " (" + pupil.schoolName() + ")",
            new Cell(pupil.schoolId(), orNoYear(pupil.yearGroup()), AudienceRole.CARERS));
    }

    private static Optional<ResponseUnit> selfUnit(Survey survey, String personId, Set<String> keys, Set<String> audienceKeys) {
        for (AudienceRole role : new AudienceRole[] {AudienceRole.STAFF, AudienceRole.PUPILS}) {
            String suffix = "/" + role.key();
            boolean asked = survey.audience().roles().contains(role)
                && keys.stream().anyMatch(key -> key.endsWith(suffix) && audienceKeys.contains(key));
            if (asked) {
                String school = schoolOf(survey, keys, suffix);
                return Optional.of(new ResponseUnit(ResponseUnit.SELF, "person:" + personId, personId, null, "You",
                    new Cell(school, yearOf(keys, school, suffix), role)));
            }
        }
        return Optional.empty();
    }

    /** The school a staff member or pupil answers for: one in the audience when it names schools. */
    private static String schoolOf(Survey survey, Set<String> keys, String suffix) {
        return keys.stream()
            .filter(key -> key.startsWith("school:") && key.endsWith(suffix))
            .map(key -> key.substring("school:".length(), key.length() - suffix.length()))
            .sorted((a, b) -> Boolean.compare(!survey.audience().ids().contains(a), !survey.audience().ids().contains(b)))
            .findFirst().orElse("-");
    }

    private static String yearOf(Set<String> keys, String school, String suffix) {
        String prefix = "year:" + school + ":";
        return keys.stream()
            .filter(key -> key.startsWith(prefix) && key.endsWith(suffix))
            .map(key -> key.substring(prefix.length(), key.length() - suffix.length()))
            .findFirst().orElse(Cell.NO_YEAR);
    }

    private static String orNoYear(String year) {
        return year == null || year.isBlank() ? Cell.NO_YEAR : year;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }
}
