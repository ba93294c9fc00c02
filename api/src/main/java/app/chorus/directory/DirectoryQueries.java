package app.chorus.directory;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read access to the trust's shape for other modules. */
public interface DirectoryQueries {

    Flux<SchoolSummary> schools();

    Mono<SchoolSummary> school(String schoolId);

    Mono<PersonSummary> person(String personId);

    /** The pupils a carer cares for, with their school, year group and classes. */
    Flux<CaredForPupil> pupilsCaredFor(String carerId);

    record CaredForPupil(String pupilId, String givenName, String familyName, String schoolId, String schoolName,
                         String yearGroup, List<String> classIds) {
    }
}
