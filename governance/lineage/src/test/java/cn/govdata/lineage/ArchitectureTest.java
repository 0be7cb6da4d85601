package cn.govdata.lineage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private final JavaClasses lineage =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.govdata.lineage");

  @Test
  void theGraphAndItsStoreWorkWithoutAtlas() {
    noClasses()
        .that()
        .resideInAnyPackage("cn.govdata.lineage.graph..", "cn.govdata.lineage.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.atlas..",
            "cn.govdata.lineage.atlas..",
            "com.sun.jersey..",
            "org.apache.hadoop..")
        .because(
            "the portal and console draw lineage from the platform's own records; Atlas is optional")
        .check(lineage);
  }
}
