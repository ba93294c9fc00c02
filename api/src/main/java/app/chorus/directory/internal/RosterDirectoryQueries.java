package app.chorus.directory.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.PersonSummary;
import app.chorus.directory.RosteredPerson;
import app.chorus.directory.SchoolSummary;
import app.chorus.directory.internal.inbox.RosterAdministrators;
import app.chorus.directory.internal.store.Leavers;
import app.chorus.directory.internal.store.People;
import app.chorus.directory.internal.store.TrustShape;
import app.chorus.directory.internal.store.TrustShapes;
import app.chorus.directory.internal.store.Person;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class RosterDirectoryQueries implements DirectoryQueries {

    private final People people;
    private final TrustShapes shapes;
    private final RosterAdministrators administrators;
    private final Leavers leavers;

    RosterDirectoryQueries(People people, TrustShapes shapes, RosterAdministrators administrators, Leavers leavers) {
        this.people = people;
        this.shapes = shapes;
        this.administrators = administrators;
        this.leavers = leavers;
    }

    @Override
    public Mono<String> yearGroupOf(String pupilId) {
        return people.find(pupilId).mapNotNull(Person::yearGroup);
    }

    @Override
    public Flux<String> rosterAdministrators() {
        return administrators.all();
    }

    @Override
    public Flux<String> leadersOf(String schoolId) {
        return people.leading(schoolId);
    }

    @Override
    public Flux<SchoolSummary> schools() {
        return shapes.current().flatMapMany(shape -> Flux.fromStream(shape.schools().values().stream()
            .sorted(Comparator.comparing(TrustShape.School::id)).map(TrustShape.School::summary)));
    }

    @Override
    public Mono<SchoolSummary> school(String schoolId) {
        return shapes.current().mapNotNull(shape -> shape.schools().get(schoolId)).map(TrustShape.School::summary);
    }

    @Override
    public Mono<PersonSummary> person(String personId) {
        return people.find(personId).map(RosterDirectoryQueries::summary);
    }

    @Override
    public Mono<Map<String, Carer>> carers(Collection<String> carerIds) {
        return shapes.current().flatMap(shape -> people.find(carerIds)
            .collectMap(Person::id, carer -> new Carer(summary(carer), caredFor(carer, shape))));
    }

    @Override
    public Flux<RosteredPerson> rosteredAfter(String afterId, int limit) {
        return people.after(afterId, limit).map(RosterDirectoryQueries::rostered);
    }

    @Override
    public Flux<RosteredPerson> changedBy(String importId, String afterId, int limit) {
        return people.changedBy(importId, afterId, limit).map(RosterDirectoryQueries::rostered);
    }

    @Override
    public Flux<String> leftIn(String importId, String afterId, int limit) {
        return leavers.leftIn(importId, afterId, limit);
    }

    @Override
    public Flux<RosteredPerson> rostered(Collection<String> ids) {
        return people.find(ids).map(RosterDirectoryQueries::rostered);
    }

    private static RosteredPerson rostered(Person p) {
        return new RosteredPerson(p.id(), p.kind(), p.givenName(), p.familyName(), p.email(), p.schoolIds(), !p.accountDisabled());
    }

    private static PersonSummary summary(Person p) {
        return new PersonSummary(p.id(), p.givenName(), p.familyName(), p.email(), p.kind(), p.preferredLanguage());
    }

    @Override
    public Flux<CaredForPupil> pupilsCaredFor(String carerId) {
        return Mono.zip(people.find(carerId), shapes.current())
            .flatMapIterable(both -> caredFor(both.getT1(), both.getT2()));
    }

    @Override
    public Mono<Map<String, AudiencePlace>> audiencePlaces(Collection<String> personIds) {
        return shapes.current().flatMap(shape -> people.find(personIds)
            .collectMap(Person::id, person -> new AudiencePlace(Set.copyOf(person.audienceKeys()), caredFor(person, shape))));
    }

    private static List<CaredForPupil> caredFor(Person carer, TrustShape shape) {
        return carer.children().stream().map(child -> {
            TrustShape.School school = child.schoolId() == null ? null : shape.schools().get(child.schoolId());
            List<String> titles = child.classIds().stream().filter(shape.classes()::containsKey)
                .map(id -> shape.classes().get(id).title()).toList();
            return new CaredForPupil(child.pupilId(), child.givenName(), child.familyName(), child.schoolId(),
                school == null ? null : school.name(), child.yearGroup(), child.classIds(), titles, child.relationship());
        }).toList();
    }
}
