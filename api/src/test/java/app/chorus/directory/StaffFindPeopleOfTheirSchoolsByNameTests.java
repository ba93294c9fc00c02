package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import app.chorus.directory.internal.oneroster.PeopleNamesKeyed;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A teacher at Oakfield (sch-001) finds pupils and carers by the start of their names, whatever the capitals and
 * accents, a page at a time; namesakes at Riverside (sch-002) never appear. People stored before names were keyed
 * are found once the start-up migration has run.
 */
@ApiTest
class StaffFindPeopleOfTheirSchoolsByNameTests {

    private static final String PEOPLE = "directory_people";
    private static final String OAKFIELD = "sch-001";
    private static final String RIVERSIDE = "sch-002";
    private static final CurrentUser TEACHER = new CurrentUser("stf-00002", "head.oakfield", "stf-00002", Set.of(Role.STAFF));

    @Autowired
    ApplicationContext context;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String unique = Long.toString(System.nanoTime(), 36);
    private final String family = "Núñez-Tëst" + unique;
    private final List<String> added = new ArrayList<>();

    @AfterEach
    void takeThemOffTheRoster() {
        mongo.remove(Query.query(Criteria.where("_id").in(added)), PEOPLE).block();
    }

    @Test
    void aTeacherFindsOakfieldsNamesakesPageByPageAndNoneFromRiverside() {
        storedAsBeforeNamesWereKeyed("Zoë", OAKFIELD);
        storedAsBeforeNamesWereKeyed("Zoe", OAKFIELD);
        storedAsBeforeNamesWereKeyed("Zoey", OAKFIELD);
        String riverside = storedAsBeforeNamesWereKeyed("Zoë", RIVERSIDE);
        new PeopleNamesKeyed().key(mongo.getMongoDatabase().block());

        String typed = "ZOE NUNEZ TEST" + unique.toUpperCase();
        Map<?, ?> first = search(TEACHER, typed, null, null, 2).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<?, ?>> found = new ArrayList<>(items(first));
        assertThat(found).hasSize(2);
        Map<?, ?> second = search(TEACHER, typed, null, (String) first.get("next"), 2).expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        found.addAll(items(second));
        assertThat(second.get("next")).isNull();

        assertThat(found).extracting(person -> person.get("givenName") + " " + person.get("familyName"))
            .containsExactly("Zoë " + family, "Zoe " + family, "Zoey " + family);
        assertThat(found).extracting(person -> String.valueOf(person.get("id"))).doesNotContain(riverside);
        assertThat(found).allSatisfy(person -> assertThat(person.get("schoolIds")).isEqualTo(List.of(OAKFIELD)));
    }

    @Test
    void aTeacherFindsAPupilTheRosterImportStoredByTheFirstLettersOfTheirFamilyName() {
        Document pupil = mongo.findOne(Query.query(Criteria.where("kind").is("pupil").and("schoolIds").is(OAKFIELD)), Document.class, PEOPLE).block();
        String typed = pupil.getString("familyName").substring(0, 2).toLowerCase();

        List<Map<?, ?>> found = new ArrayList<>();
        String cursor = null;
        do {
            Map<?, ?> page = search(TEACHER, typed, "pupil", cursor, 50).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
            found.addAll(items(page));
            cursor = (String) page.get("next");
        } while (cursor != null);

        assertThat(found).extracting(person -> String.valueOf(person.get("id"))).contains(pupil.getString("_id"));
        assertThat(found).allSatisfy(person -> assertThat(person.get("kind")).isEqualTo("pupil"));
    }

    @Test
    void oneLetterIsRefusedNamingTheFieldAndACarerMayNotSearch() {
        search(TEACHER, "z", null, null, 10).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.field").isEqualTo("name");
        CurrentUser carer = new CurrentUser("car-000001", "carer.demo", "car-000001", Set.of(Role.CARER));
        search(carer, "zoe", null, null, 10).expectStatus().isForbidden();
    }

    /** A pupil as the previous release stored them: names, no name keys. */
    private String storedAsBeforeNamesWereKeyed(String given, String school) {
        String id = "pup-search-" + System.nanoTime();
        added.add(id);
        mongo.insert(new Document("_id", id).append("kind", "pupil").append("givenName", given).append("familyName", family)
            .append("schoolIds", List.of(school)).append("audienceKeys", List.of()), PEOPLE).block();
        return id;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> items(Map<?, ?> page) {
        return (List<Map<?, ?>>) page.get("items");
    }

    private WebTestClient.ResponseSpec search(CurrentUser user, String name, String kind, String cursor, int limit) {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
            .responseTimeout(Duration.ofSeconds(60)).build()
            .mutateWith(mockAuthentication(new TestingAuthenticationToken(user, null,
                user.roles().stream().map(role -> "ROLE_" + role.claimValue()).toArray(String[]::new))))
            .get().uri(uri -> uri.path("/api/v1/people").queryParam("name", name).queryParam("limit", limit)
                .queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
                .queryParamIfPresent("cursor", java.util.Optional.ofNullable(cursor)).build()).exchange();
    }
}
