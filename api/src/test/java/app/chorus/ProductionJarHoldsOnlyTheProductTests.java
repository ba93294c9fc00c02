package app.chorus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The api's production jar (the executable jar {@code mvn package} builds, read entry by entry) holds the product
 * only: no benchmark, no FCM stand-in, no demo seeding or trust generator, no stand-alone store launcher, neither in
 * its own classes nor in the jars of our modules it carries; and it carries no tools or test-support module. Those
 * live in the devtools module and in test sources. It runs after {@code package} (failsafe, in {@code mvn verify}),
 * which passes the jar's path.
 */
class ProductionJarHoldsOnlyTheProductTests {

    private static final Pattern NOT_THE_PRODUCT = Pattern.compile(
        "(^|/)(bench|standin|seed|devtools)/|(Benchmark|Bench|StandIn|Seeder)[$.]|/Demo[A-Z]|/StoreMain[$.]|/GenerateTrust[$.]");
    /** Our modules' jars inside the executable jar ({@code BOOT-INF/lib/tally-0.1.0-SNAPSHOT.jar}). */
    private static final Pattern OUR_MODULE = Pattern.compile("BOOT-INF/lib/(tally|opinions-math|edge)-[0-9][^/]*\\.jar");
    private static final Pattern TOOL_OR_TEST_JAR = Pattern.compile(
        "BOOT-INF/lib/(devtools|edge-testing|junit|jazzer|mockito|assertj|awaitility|greenmail|reactor-test)[-_][^/]*\\.jar|BOOT-INF/lib/[^/]*-tests\\.jar");

    @Test
    void theJarHoldsNoBenchmarkStandInSeedOrTool() throws IOException {
        Path jar = productionJar();
        List<String> entries = new ArrayList<>();
        List<String> ourClasses = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                entries.add(entry.getName());
                if (entry.getName().startsWith("BOOT-INF/classes/") && entry.getName().endsWith(".class")) {
                    ourClasses.add(entry.getName().substring("BOOT-INF/classes/".length()));
                } else if (OUR_MODULE.matcher(entry.getName()).matches()) {
                    ourClasses.addAll(classesIn(zip, entry));
                }
            }
        }

        assertThat(ourClasses).as("the classes of %s", jar).contains("app/chorus/ChorusApplication.class").hasSizeGreaterThan(100);
        assertThat(entries).as("it carries our shared modules (their classes are checked too)")
            .anyMatch(name -> OUR_MODULE.matcher(name).matches());
        assertThat(ourClasses.stream().filter(name -> NOT_THE_PRODUCT.matcher(name).find()))
            .as("classes in %s that belong in devtools or test sources, not the production jar", jar).isEmpty();
        assertThat(entries.stream().filter(name -> TOOL_OR_TEST_JAR.matcher(name).matches()))
            .as("tool or test-support jars in %s (they are test-scoped dependencies)", jar).isEmpty();
    }

    @Test
    void thePatternsCatchWhatTheyLookFor() {
        assertThat(Stream.of("app/chorus/surveys/internal/bench/SurveyBenchmark.class",
                "app/chorus/notifications/standin/FcmStandIn.class", "app/chorus/directory/internal/seed/TrustGenerator.class",
                "app/chorus/consultations/internal/DemoConsultations.class", "app/chorus/platform/store/StoreMain.class",
                "app/chorus/testing/bench/Bench.class")
            .filter(name -> NOT_THE_PRODUCT.matcher(name).find())).hasSize(6);
        assertThat(NOT_THE_PRODUCT.matcher("app/chorus/decisions/internal/BallotCasting.class").find()).isFalse();
        assertThat(Stream.of("BOOT-INF/lib/devtools-0.1.0-SNAPSHOT.jar", "BOOT-INF/lib/edge-testing-0.1.0-SNAPSHOT.jar",
                "BOOT-INF/lib/opinions-math-0.1.0-SNAPSHOT-tests.jar", "BOOT-INF/lib/jazzer-junit-0.24.0.jar")
            .filter(name -> TOOL_OR_TEST_JAR.matcher(name).matches())).hasSize(4);
        assertThat(OUR_MODULE.matcher("BOOT-INF/lib/edge-0.1.0-SNAPSHOT.jar").matches()).isTrue();
        assertThat(OUR_MODULE.matcher("BOOT-INF/lib/edge-testing-0.1.0-SNAPSHOT.jar").matches()).isFalse();
    }

    /** The executable jar failsafe names ({@code chorus.production.jar}), built by {@code package} before this runs. */
    private static Path productionJar() {
        String path = System.getProperty("chorus.production.jar");
        assertThat(path).as("the production jar's path: run this test through 'mvn -pl api -am verify' (failsafe passes it)")
            .isNotBlank();
        Path jar = Path.of(path);
        assertThat(Files.isRegularFile(jar)).as("%s exists: build it with 'mvn -pl api -am package'", jar).isTrue();
        return jar;
    }

    private static List<String> classesIn(ZipFile outer, ZipEntry nested) throws IOException {
        List<String> classes = new ArrayList<>();
        try (InputStream in = outer.getInputStream(nested); ZipInputStream jar = new ZipInputStream(in)) {
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                if (entry.getName().endsWith(".class")) {
                    classes.add(entry.getName());
                }
            }
        }
        return classes;
    }
}
