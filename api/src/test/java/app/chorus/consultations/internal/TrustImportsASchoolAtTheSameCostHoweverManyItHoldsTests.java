package app.chorus.consultations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.RosterFileSet;
import app.chorus.directory.internal.oneroster.ImportReport;
import app.chorus.directory.internal.oneroster.RosterImports;
import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * A trust imports its schools one at a time while a trust-wide carers' consultation is open: one small school's import,
 * with what follows it (the consultation's reach), asks the store the same whether the trust already holds two of the
 * new schools or six; so does the import of a school whose carer has a child at every school already there (the carer
 * is merged from their stored document, not from every other school's rows). Counted at the driver (documents read,
 * statements written), not timed (ADRs 0370-0371, 0385).
 */
@ApiTest
@Import(StoreWork.class)
@TestPropertySource(properties = "chorus.consultations.sweep-interval=1h")
class TrustImportsASchoolAtTheSameCostHoweverManyItHoldsTests {

    private static final int PUPILS = 10;
    /** Well under one school's carers: growth with the schools present shows as their people, 2 x PUPILS + 1 each. */
    private static final long TOLERANCE = 5;

    @Autowired
    RosterImports imports;
    @Autowired
    StoreWork work;
    @Autowired
    ApplicationContext context;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final List<String> schools = new ArrayList<>();
    private String consultation;

    @AfterEach
    void takeTheSchoolsAndTheConsultationOutAgain() {
        schools.forEach(school -> importSet(RosterFileSet.schoolRemoval(school, "School " + school), true));
        if (consultation != null) {
            mongo.remove(Query.query(Criteria.where("_id").is(consultation)), Consultation.COLLECTION).block();
            mongo.remove(Query.query(Criteria.where("consultationId").is(consultation)), RosterReach.REACH).block();
            mongo.remove(Query.query(Criteria.where("consultationId").is(consultation)), RosterReach.DEPARTURES).block();
        }
    }

    @Test
    void aSchoolsImportAndItsConsultationReachCostTheSameWithTwoOrSixOfTheNewSchoolsThere() {
        consultation = ConsultationsOpenForIdeas.open(context, null, Audience.trust(AudienceRole.CARERS), "con-cost-");
        importSchool("sch-201");
        StoreWork.Counts secondOfTwo = importSchool("sch-202");
        importSchool("sch-203");
        importSchool("sch-204");
        importSchool("sch-205");
        importSchool("sch-206");
        StoreWork.Counts seventhOfSeven = importSchool("sch-207");

        assertThat(secondOfTwo.statementsWritten()).as("the new school's carers join the consultation's reach")
            .isGreaterThanOrEqualTo(PUPILS);
        assertThat(seventhOfSeven.total()).as("school 7 of 7 against school 2 of 2: %s and %s", seventhOfSeven, secondOfTwo)
            .isBetween(secondOfTwo.total() - TOLERANCE, secondOfTwo.total() + TOLERANCE);
        assertThat(mongo.count(Query.query(Criteria.where("consultationId").is(consultation).and("personId").regex("^car-sch-20")),
            RosterReach.REACH).block()).as("every new school's carers are reached").isEqualTo(7L * PUPILS);
    }

    @Test
    void aSchoolsImportReadsTheSameWhenItsCarerHasAChildAtEverySchoolThere() {
        String carer = "car-shared-everywhere";
        importSharing("sch-211", carer);
        StoreWork.Counts secondOfTwo = importSharing("sch-212", carer);
        importSharing("sch-213", carer);
        importSharing("sch-214", carer);
        importSharing("sch-215", carer);
        importSharing("sch-216", carer);
        StoreWork.Counts seventhOfSeven = importSharing("sch-217", carer);

        assertThat(childrenOf(carer)).as("the carer keeps a child at each of the seven schools").hasSize(7);
        assertThat(seventhOfSeven.documentsRead()).as("documents read by school 7 of 7 against school 2 of 2: %s and %s",
                seventhOfSeven, secondOfTwo)
            .isBetween(secondOfTwo.documentsRead() - TOLERANCE, secondOfTwo.documentsRead() + TOLERANCE);

        importSet(RosterFileSet.schoolRemoval("sch-211", "School sch-211"), true);
        schools.remove("sch-211");
        assertThat(childrenOf(carer)).as("taken out of one school's set, the carer keeps the other six schools' children")
            .hasSize(6).noneMatch(child -> child.startsWith("pup-sch-211"));
    }

    private StoreWork.Counts importSharing(String school, String carer) {
        schools.add(school);
        work.take();
        ImportReport report = importSet(RosterFileSet.oneSchoolSharingACarer(school, "School " + school, PUPILS, carer), false);
        assertThat(report.changes().get("people").created()).isGreaterThanOrEqualTo(2L * PUPILS + 2);
        return work.take();
    }

    private List<String> childrenOf(String carer) {
        org.bson.Document person = mongo.findById(carer, org.bson.Document.class, "directory_people").block();
        assertThat(person).as("the carer's directory document").isNotNull();
        return person.getList("children", org.bson.Document.class).stream().map(child -> child.getString("pupilId")).toList();
    }

    private StoreWork.Counts importSchool(String school) {
        schools.add(school);
        work.take();
        ImportReport report = importSet(RosterFileSet.oneSchool(school, "School " + school, PUPILS), false);
        assertThat(report.changes().get("people").created()).isEqualTo(2L * PUPILS + 1);
        return work.take();
    }

    private ImportReport importSet(RosterFileSet set, boolean confirmDeletions) {
        return imports.importFolder(set.dir, new RosterImports.Options(false, confirmDeletions), progress -> { })
            .block(Duration.ofSeconds(120));
    }
}
