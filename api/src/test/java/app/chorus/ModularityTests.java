package app.chorus;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules only talk through their public surfaces and events, without cycles. */
class ModularityTests {

    /**
     * Test support on the test classpath is not part of the application: the shared test libraries ({@code
     * app.chorus.testing}) and the benchmarks that come with a module's test jar, which {@code mvn verify} puts on the
     * classpath as a jar (so the default exclusion of test-classes folders does not see it).
     */
    private final ApplicationModules modules = ApplicationModules.of(ChorusApplication.class,
        JavaClass.Predicates.resideInAPackage("app.chorus.testing..")
            .or(JavaClass.Predicates.simpleNameEndingWith("Benchmark"))
            .or(JavaClass.Predicates.simpleNameEndingWith("Tests")));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
