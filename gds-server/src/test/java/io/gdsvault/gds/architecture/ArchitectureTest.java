package io.gdsvault.gds.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STYLE.md: domain and feature packages import no Milo, JDBC or Azure types. */
class ArchitectureTest {

  private static final String[] FEATURE_PACKAGES = {
    "io.gdsvault.gds.model",
    "io.gdsvault.gds.model.x509..",
    "io.gdsvault.gds.model.net..",
    "io.gdsvault.gds.directory..",
    "io.gdsvault.gds.auth..",
    "io.gdsvault.gds.audit..",
    "io.gdsvault.gds.config..",
    "io.gdsvault.gds.persistence",
    "io.gdsvault.gds.certificates..",
    "io.gdsvault.gds.trust..",
    "io.gdsvault.gds.push..",
    "io.gdsvault.gds.backup..",
    "io.gdsvault.gds.cluster.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gdsvault.gds");
  }

  @Test
  void featurePackagesDoNotSeeMilo() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(FEATURE_PACKAGES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.eclipse.milo..", "io.netty..")
            .allowEmptyShould(true);
    rule.check(classes);
  }

  @Test
  void featurePackagesDoNotSeeJdbcOrAzure() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(FEATURE_PACKAGES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "java.sql..",
                "javax.sql..",
                "org.jdbi..",
                "com.zaxxer..",
                "org.flywaydb..",
                "com.azure..")
            .allowEmptyShould(true);
    rule.check(classes);
  }

  @Test
  void featurePackagesDoNotSeeTheAdapters() {
    // features are called by the OPC UA edge and wired by app, never the other way round
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(FEATURE_PACKAGES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.gdsvault.gds.opcua..",
                "io.gdsvault.gds.app..",
                "io.gdsvault.gds.cli..",
                "io.gdsvault.gds.web..",
                "io.gdsvault.gds.persistence.jdbc..")
            .allowEmptyShould(true);
    rule.check(classes);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.gdsvault.gds.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void statusCodesAppearOnlyInTheOpcUaAndCliPackages() {
    // one mapper in opcua turns Reasons into StatusCodes; domain code never picks a StatusCode
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackages(
                "io.gdsvault.gds.opcua..", "io.gdsvault.gds.cli..", "io.gdsvault.gds.model.ua..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.eclipse.milo.opcua.stack.core.StatusCodes")
            .allowEmptyShould(true);
    rule.check(classes);
  }
}
