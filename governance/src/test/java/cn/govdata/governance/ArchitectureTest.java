package cn.govdata.governance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private final JavaClasses governance =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.govdata.governance");

  @Test
  void governanceDoesNotDependOnSpring() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..")
        .because("governance is the framework-free core every service builds on")
        .check(governance);
  }

  @Test
  void governanceDoesNotDependOnTheServices() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cn.govdata.catalog..",
            "cn.govdata.search..",
            "cn.govdata.sql..",
            "cn.govdata.pipelines..")
        .because("services depend on governance, never the other way round")
        .check(governance);
  }

  @Test
  void theExchangeEvidenceNeedsOnlyTheJavaPlatform() {
    classes()
        .that()
        .resideInAPackage("cn.govdata.governance.exchange..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "cn.govdata.governance..")
        .because(
            "manifests, receipts and the exchange log are verified on every node and by auditors;"
                + " their checks rest on java.security alone")
        .check(governance);
  }
}
