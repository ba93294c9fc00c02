package app.chorus.decisions;

import app.chorus.decisions.internal.BallotCasting;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.DirectoryQueries;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every decisions test uses: the api over HTTP, the casting service for carers without a login, the store. */
abstract class DecisionTestBase {

    @Autowired
    WebTestClient web;
    @Autowired
    BallotCasting casting;
    @Autowired
    AudienceResolver audiences;
    @Autowired
    DirectoryQueries directory;
    @Autowired
    ReactiveMongoTemplate mongo;

    DecisionFixtures decisions;

    @BeforeEach
    void fixtures() {
        decisions = new DecisionFixtures(web, casting, audiences, directory);
    }

    long stored(String collection, String decisionId) {
        return mongo.count(Query.query(Criteria.where("decisionId").is(decisionId)), collection).block();
    }
}
