package io.gdsvault.sim.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * A device talks to the GDS over the wire only; its packages form no cycles. The simulator's main
 * and test code may use gds-model (the GDS namespace, NodeIds and codecs every client needs) and
 * nothing else of the GDS: tests that run both sides belong in e2e-tests. device-simulator's pom
 * has no gds-server dependency, so a stray import fails to compile first; the rule below names the
 * reason.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gdsvault.sim");

  private static final JavaClasses TESTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
          .importPackages("io.gdsvault.sim");

  /** gds-server's and vault-signer's classes: everything of the GDS but gds-model. */
  private static final DescribedPredicate<JavaClass> THE_SERVER =
      resideInAnyPackage("io.gdsvault.gds..", "io.gdsvault.ca..", "io.gdsvault.signer..")
          .and(DescribedPredicate.not(resideInAPackage("io.gdsvault.gds.model..")))
          .as("gds-server or vault-signer classes");

  @Test
  void theSimulatorKnowsNothingOfTheServer() {
    noClasses()
        .that()
        .resideInAPackage("io.gdsvault.sim..")
        .should()
        .dependOnClassesThat(THE_SERVER)
        .check(MAIN);
  }

  @Test
  void theSimulatorsTestsKnowNothingOfTheServerEither() {
    // a test that needs a real GDS is an end-to-end test: it lives in e2e-tests
    assertThat(TESTS.contain(ArchitectureTest.class)).as("test classes imported").isTrue();
    noClasses()
        .that()
        .resideInAPackage("io.gdsvault.sim..")
        .should()
        .dependOnClassesThat(THE_SERVER)
        .check(TESTS);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.gdsvault.sim.(**)").should().beFreeOfCycles().check(MAIN);
  }
}
