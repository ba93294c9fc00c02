package app.chorus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What the api's jar is made of (its compiled main classes) holds the product only: no benchmark, no FCM stand-in,
 * no demo seeding or trust generator, no stand-alone store launcher. Those live in the devtools module and in test
 * sources.
 */
class ProductionJarHoldsOnlyTheProductTests {

    private static final Pattern NOT_THE_PRODUCT = Pattern.compile(
        "(^|/)(bench|standin|seed|devtools)/|(Benchmark|Bench|StandIn|Seeder)[$.]|/Demo[A-Z]|/StoreMain[$.]|/GenerateTrust[$.]");

    @Test
    void theJarHoldsNoBenchmarkStandInSeedOrTool() throws Exception {
        List<String> classes = productClasses();

        assertThat(classes).as("the api's production classes").contains("app/chorus/ChorusApplication.class")
            .hasSizeGreaterThan(100);
        assertThat(classes.stream().filter(name -> NOT_THE_PRODUCT.matcher(name).find()))
            .as("classes that belong in devtools or test sources, not the production jar").isEmpty();
    }

    @Test
    void thePatternCatchesWhatItLooksFor() {
        assertThat(Stream.of("app/chorus/surveys/internal/bench/SurveyBenchmark.class",
                "app/chorus/notifications/standin/FcmStandIn.class", "app/chorus/directory/internal/seed/TrustGenerator.class",
                "app/chorus/consultations/internal/DemoConsultations.class", "app/chorus/platform/store/StoreMain.class")
            .filter(name -> NOT_THE_PRODUCT.matcher(name).find())).hasSize(5);
        assertThat(NOT_THE_PRODUCT.matcher("app/chorus/decisions/internal/BallotCasting.class").find()).isFalse();
    }

    /** The class files of the api's main output (a folder when built, the jar when run from it). */
    private static List<String> productClasses() throws IOException, URISyntaxException {
        Path location = Path.of(ChorusApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(location)) {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                return jar.stream().map(entry -> entry.getName().replaceFirst("^BOOT-INF/classes/", ""))
                    .filter(name -> name.endsWith(".class")).toList();
            }
        }
        try (Stream<Path> files = Files.walk(location)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                .map(file -> location.relativize(file).toString().replace('\\', '/')).toList();
        }
    }
}
