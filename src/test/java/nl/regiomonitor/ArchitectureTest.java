package nl.regiomonitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

import nl.regiomonitor.region.UpwardDependencyFixture;

/**
 * The module rule of CONTRIBUTING.md, checked on the compiled classes without starting anything:
 * no package cycles, every capability uses only the ones below it, {@code web} knows no
 * capability, and the statistics of {@code trend} and {@code disclosure} use no Spring, web or
 * database, so they can be read and tested as plain Java.
 */
class ArchitectureTest {

    /** From the bottom up: a package may use only packages before it in this list. */
    static final List<String> LAYERS = List.of(
            "common",
            "web",
            "region",
            "security",
            "disclosure",
            "trend",
            "ingest",
            "publication",
            "indicator",
            "monitor",
            "signal",
            "plan",
            "report",
            "home",
            "application",
            "cli");

    /** They use no capability: only the Dutch locale and time zone of {@code common}. */
    static final List<String> PURE = List.of("web", "disclosure", "trend");

    static final ArchRule NO_CYCLES =
            slices().matching("nl.regiomonitor.(**)").should().beFreeOfCycles();

    static final ArchRule DOWNWARDS_ONLY = layers();

    static final ArchRule STATISTICS_WITHOUT_FRAMEWORK = noClasses()
            .that()
            .resideInAnyPackage("nl.regiomonitor.trend..", "nl.regiomonitor.disclosure..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta..",
                    "java.sql..",
                    "javax.sql..",
                    "org.postgresql..",
                    "nl.regiomonitor.web..")
            .because("trend and disclosure are the statistics: plain Java, testable without the application");

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.regiomonitor");

    private static LayeredArchitecture layers() {
        LayeredArchitecture layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("application")
                .definedBy("nl.regiomonitor");
        for (String layer : LAYERS) {
            if (!layer.equals("application")) {
                layers = layers.layer(layer).definedBy("nl.regiomonitor." + layer + "..");
            }
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String layer = LAYERS.get(i);
            if (i == 0) {
                layers = layers.whereLayer(layer).mayNotAccessAnyLayer();
            } else {
                layers = layers.whereLayer(layer)
                        .mayOnlyAccessLayers(
                                PURE.contains(layer)
                                        ? new String[] {"common"}
                                        : LAYERS.subList(0, i).toArray(String[]::new));
            }
        }
        return layers;
    }

    @Test
    void thePackagesFormNoCycle() {
        NO_CYCLES.check(APPLICATION);
    }

    @Test
    void everyCapabilityUsesOnlyTheOnesBelowIt() {
        DOWNWARDS_ONLY.check(APPLICATION);
    }

    @Test
    void trendAndDisclosureArePlainJava() {
        STATISTICS_WITHOUT_FRAMEWORK.check(APPLICATION);
    }

    /** The rules are not empty words: one class in region that uses plan (which uses region) breaks both. */
    @Test
    void aCycleAddedToTheApplicationFailsTheRules() {
        JavaClasses withCycle = new ClassFileImporter()
                .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                        || location.contains(UpwardDependencyFixture.class.getSimpleName()))
                .importPackages("nl.regiomonitor");

        assertThatThrownBy(() -> NO_CYCLES.check(withCycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("UpwardDependencyFixture");
        assertThatThrownBy(() -> DOWNWARDS_ONLY.check(withCycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UpwardDependencyFixture")
                .hasMessageContaining("PlanService");
    }
}
