package app.chorus.directory.internal.seed;

import app.chorus.directory.internal.oneroster.ImportReport;
import app.chorus.directory.internal.oneroster.RosterImports;
import app.chorus.directory.internal.store.People;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start (empty directory, {@code chorus.demo.seed-on-first-start=true}) seeds the demo trust through
 * the real OneRoster importer, before the app reports ready.
 */
@Component
@Order(0)
class DemoTrustSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTrustSeeder.class);

    private final RosterImports imports;
    private final People people;
    private final boolean enabled;
    private final int schools;
    private final int pupils;

    DemoTrustSeeder(RosterImports imports, People people,
                    @Value("${chorus.demo.seed-on-first-start:false}") boolean enabled,
                    @Value("${chorus.demo.schools:5}") int schools,
                    @Value("${chorus.demo.pupils:5000}") int pupils) {
        this.imports = imports;
        this.people = people;
        this.enabled = enabled;
        this.schools = schools;
        this.pupils = pupils;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!enabled || people.count().blockOptional().orElse(0L) > 0) {
            return;
        }
        long started = System.currentTimeMillis();
        log.info("Seeding the demo trust ({} schools, {} pupils) on first start ...", schools, pupils);
        Path dir = Files.createTempDirectory("chorus-demo-trust-");
        try {
            new TrustGenerator(schools, pupils).write(dir, message -> log.info("demo trust: {}", message));
            ImportReport report = imports.importFolder(dir, false, message -> log.info("demo trust: {}", message)).block();
            log.info("Demo trust seeded in {} ms: {}", System.currentTimeMillis() - started, report.changes());
        } finally {
            RosterImports.deleteQuietly(dir);
        }
    }
}
