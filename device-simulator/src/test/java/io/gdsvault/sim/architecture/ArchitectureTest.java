package io.gdsvault.sim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** A device talks to the GDS over the wire only; its packages form no cycles. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gdsvault.sim");

  @Test
  void theSimulatorKnowsNothingOfTheServer() {
    noClasses()
        .that()
        .resideInAPackage("io.gdsvault.sim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gdsvault.gds.app..",
            "io.gdsvault.gds.opcua..",
            "io.gdsvault.gds.certificates..",
            "io.gdsvault.gds.push..",
            "io.gdsvault.gds.persistence..",
            "io.gdsvault.ca..",
            "io.gdsvault.signer..")
        .check(CLASSES);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.gdsvault.sim.(**)").should().beFreeOfCycles().check(CLASSES);
  }
}
