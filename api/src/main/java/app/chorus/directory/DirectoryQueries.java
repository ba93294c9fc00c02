package app.chorus.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read access to the trust's shape for other modules. */
public interface DirectoryQueries {

    Flux<SchoolSummary> schools();

    Mono<SchoolSummary> school(String schoolId);

    Mono<PersonSummary> person(String personId);

    /** A pupil's year group as the roster says it ({@code R}, {@code Y1} ... {@code Y13}); empty when it gives none. */
    Mono<String> yearGroupOf(String pupilId);

    /** The age every pupil of a year group has reached on 1 September, the start of the school year (Reception: 4). */
    static int ageAtStartOfYear(String yearGroup) {
        return app.chorus.directory.internal.YearGroups.rank(yearGroup) + 4;
    }

    /** The pupils a carer cares for, with their school, year group and classes. */
    Flux<CaredForPupil> pupilsCaredFor(String carerId);

    /**
     * Where each of many people stands in audiences: their audience keys and the pupils they care for, from one read
     * of their documents (people unknown to the directory are absent).
     */
    Mono<Map<String, AudiencePlace>> audiencePlaces(Collection<String> personIds);

    /** A person's audience keys (as {@link AudienceResolver#keysOf(String)} gives them) and the pupils they care for. */
    record AudiencePlace(java.util.Set<String> keys, List<CaredForPupil> children) {
    }

    /** Everyone on the roster after {@code afterId} (null: from the start), in sourcedId order, at most {@code limit}. */
    Flux<RosteredPerson> rosteredAfter(String afterId, int limit);

    /**
     * The people a roster import created or changed and no later import changed again (that one names them), in
     * sourcedId order after {@code afterId} (null: from the start), at most {@code limit}: {@link RosterImported}'s
     * people, a page at a time.
     */
    Flux<RosteredPerson> changedBy(String importId, String afterId, int limit);

    /** The ids of the people a roster import took off the roster, in id order after {@code afterId}, at most {@code limit}. */
    Flux<String> leftIn(String importId, String afterId, int limit);

    /** {@link #changedBy} a page of {@code size} at a time, each read after the last id of the page before. */
    default Flux<List<RosteredPerson>> changedByPages(String importId, int size) {
        return pages(after -> changedBy(importId, after, size), RosteredPerson::id, size);
    }

    /** {@link #leftIn} a page of {@code size} at a time, each read after the last id of the page before. */
    default Flux<List<String>> leftInPages(String importId, int size) {
        return pages(after -> leftIn(importId, after, size), id -> id, size);
    }

    private static <T> Flux<List<T>> pages(java.util.function.Function<String, Flux<T>> read, java.util.function.Function<T, String> id,
                                           int size) {
        return read.apply(null).collectList()
            .expand(page -> page.size() < size ? Mono.empty() : read.apply(id.apply(page.get(page.size() - 1))).collectList())
            .filter(page -> !page.isEmpty());
    }

    /** Those of {@code ids} who are on the roster (the others are absent). */
    Flux<RosteredPerson> rostered(Collection<String> ids);

    /** The people told about the roster inbox's failed imports (trust administrators who read it, and those configured). */
    Flux<String> rosterAdministrators();

    /** The staff the roster names as leading the school (principal, site administrator), in id order. */
    Flux<String> leadersOf(String schoolId);

    /** Carers with their names and children, read in one go (people unknown to the directory are absent). */
    Mono<Map<String, Carer>> carers(Collection<String> carerIds);

    /**
     * A pupil a carer cares for; {@code relationship} is the carer's to the pupil as the roster says it
     * ({@code parent}, {@code guardian} or {@code relative}; null when the roster gave no carer role).
     */
    record CaredForPupil(String pupilId, String givenName, String familyName, String schoolId, String schoolName,
                         String yearGroup, List<String> classIds, List<String> classTitles, String relationship) {

        /** Parents and guardians may consent for the child; other relatives only where the school allows everyone. */
        public boolean parentOrGuardian() {
            return "parent".equals(relationship) || "guardian".equals(relationship);
        }

        /** The carer audience keys a carer belongs to through this pupil (trust, school, year group, classes). */
        public java.util.Set<String> carerKeys() {
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            keys.add(Audience.trustKey(AudienceRole.CARERS));
            keys.add(Audience.schoolKey(schoolId, AudienceRole.CARERS));
            if (yearGroup != null) {
                keys.add(Audience.yearKey(schoolId, yearGroup, AudienceRole.CARERS));
            }
            if (classIds != null) {
                classIds.forEach(classId -> keys.add(Audience.classKey(classId, AudienceRole.CARERS)));
            }
            return keys;
        }
    }

    record Carer(PersonSummary person, List<CaredForPupil> children) {
    }
}
