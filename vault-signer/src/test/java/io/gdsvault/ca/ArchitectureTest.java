package io.gdsvault.ca;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CA sits above the port: it never reaches into a backend, Azure, PKCS#11 or Milo. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gdsvault");

  @Test
  void theCaKnowsOnlyThePort() {
    noClasses()
        .that()
        .resideInAPackage("io.gdsvault.ca..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gdsvault.signer.local..",
            "io.gdsvault.signer.pkcs11..",
            "io.gdsvault.signer.azure..",
            "com.azure..",
            "sun.security.pkcs11..",
            "org.eclipse.milo..",
            "java.sql..")
        .check(CLASSES);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.gdsvault.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void backendsDoNotKnowEachOtherOrTheCa() {
    noClasses()
        .that()
        .resideInAPackage("io.gdsvault.signer.azure..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.gdsvault.ca..", "io.gdsvault.signer.pkcs11..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("io.gdsvault.signer.local..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gdsvault.ca..",
            "io.gdsvault.signer.pkcs11..",
            "io.gdsvault.signer.azure..",
            "com.azure..")
        .check(CLASSES);
  }
}
