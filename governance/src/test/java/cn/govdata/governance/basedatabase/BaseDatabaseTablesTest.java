package cn.govdata.governance.basedatabase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.policy.CompiledPolicy;
import cn.govdata.governance.policy.PlatformGroups;
import cn.govdata.governance.policy.PolicyCompiler;
import cn.govdata.governance.policy.PolicyInput;
import cn.govdata.governance.policy.PublishedTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaseDatabaseTablesTest {

  private static final ProviderDepartment FOSHAN =
      new ProviderDepartment("佛山市卫生健康局", "11440600MB2C00002B", "440600", AdministrativeLevel.CITY);

  private final List<CompiledPolicy> policies = compile();

  private static List<CompiledPolicy> compile() {
    List<ProviderDepartment> departments = new ArrayList<>(BaseDatabaseTables.providers());
    departments.add(FOSHAN);
    return new PolicyCompiler()
        .compile(new PolicyInput(BaseDatabaseTables.all(), departments, List.of()));
  }

  private List<String> names(String table) {
    return policies.stream()
        .map(CompiledPolicy::name)
        .filter(name -> name.contains(" " + table + " "))
        .toList();
  }

  @Test
  void goldenPersonMasksEveryPersonalColumnAndFiltersByDivision() {
    assertThat(names("population.golden_person"))
        .anyMatch(name -> name.endsWith("mask id_number"))
        .anyMatch(name -> name.endsWith("mask name"))
        .anyMatch(name -> name.endsWith("mask former_name"))
        .anyMatch(name -> name.endsWith("mask phone"))
        .anyMatch(name -> name.endsWith("mask address"))
        .noneMatch(name -> name.endsWith("mask division_code"))
        .anyMatch(name -> name.endsWith("region filter"));
    CompiledPolicy filter =
        policies.stream()
            .filter(p -> p.name().endsWith("population.golden_person region filter"))
            .findFirst()
            .orElseThrow();
    assertThat(filter.rowFilterPolicyItems())
        .extracting(i -> String.join(",", i.groups()) + "=" + i.rowFilterInfo().filterExpr())
        .contains(PlatformGroups.department(FOSHAN) + "=division_code LIKE '4406%'");
  }

  @Test
  void goldenEntityMasksTheRepresentativeButNotTheCreditCode() {
    assertThat(names("legal_entity.golden_entity"))
        .anyMatch(name -> name.endsWith("mask representative"))
        .anyMatch(name -> name.endsWith("mask address"))
        .anyMatch(name -> name.endsWith("mask phone"))
        .noneMatch(name -> name.endsWith("mask credit_code"))
        .anyMatch(name -> name.endsWith("region filter"));
  }

  @Test
  void openReferenceTablesHaveNeitherMasksNorRowFilters() {
    for (String table :
        List.of("geospatial.divisions", "geospatial.boundaries", "macroeconomic.observations")) {
      assertThat(names(table)).isNotEmpty().noneMatch(name -> name.contains(" mask "));
      assertThat(names(table)).noneMatch(name -> name.endsWith("region filter"));
    }
  }

  @Test
  void everyTableHasItsOwnResourceCodeAndTable() {
    List<PublishedTable> tables = BaseDatabaseTables.all();
    assertThat(tables).extracting(t -> t.resource().code().toString()).doesNotHaveDuplicates();
    assertThat(tables).extracting(t -> t.database() + "." + t.table()).doesNotHaveDuplicates();
  }
}
