package app.chorus.platform.migrations;

import app.chorus.platform.SchemaSteps;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mongock.driver.mongodb.reactive.driver.MongoReactiveDriver;
import io.mongock.runner.core.executor.MongockRunner;
import io.mongock.runner.standalone.MongockStandalone;
import io.mongock.runner.standalone.RunnerStandaloneBuilder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link SchemaSteps} with Mongock once every bean is made: before the web server listens and
 * before any scheduled job starts, on the starting thread (no event loop to block). Applied steps are recorded in
 * {@code migrations}, one document per step; several instances starting together take turns through the lease in
 * {@code migrations_lock} (held while a step runs, refreshed by Mongock), so a step runs once. A failing step stops
 * the start with its error; it is run again at the next start.
 */
@Component
class SchemaMigrations implements SmartInitializingSingleton {

    static final String APPLIED = "migrations";
    static final String LEASE = "migrations_lock";
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final MongoClient client;
    private final String database;
    private final List<SchemaSteps> steps;

    SchemaMigrations(MongoClient client, ReactiveMongoDatabaseFactory databases, List<SchemaSteps> steps) {
        this.client = client;
        // the database the repositories and templates use (an immediate value: nothing is fetched)
        this.database = databases.getMongoDatabase().map(MongoDatabase::getName).block();
        this.steps = steps;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (count() == 0) {
            return; // Mongock refuses to run without a step
        }
        log.info("Schema migrations: checking {} step(s) against {}", count(), database);
        runner().execute();
        log.info("Schema migrations: the store is up to date");
    }

    MongockRunner runner() {
        MongoReactiveDriver driver = MongoReactiveDriver.withDefaultLock(client, database);
        driver.setMigrationRepositoryName(APPLIED);
        driver.setLockRepositoryName(LEASE);
        driver.disableTransaction();
        RunnerStandaloneBuilder builder = MongockStandalone.builder()
            .setDriver(driver)
            .setTransactional(false);
        steps.forEach(module -> module.changeUnits().forEach(builder::addMigrationClass));
        return builder.buildRunner();
    }

    private long count() {
        return steps.stream().mapToLong(module -> module.changeUnits().size()).sum();
    }
}
