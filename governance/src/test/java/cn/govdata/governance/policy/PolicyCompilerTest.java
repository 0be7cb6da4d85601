package cn.govdata.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.DataGrade;
import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.OpenAttribute;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.directory.ResourceFormat;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.directory.ShareAttribute;
import cn.govdata.governance.directory.ShareMethod;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.directory.UpdateCycle;
import cn.govdata.governance.validation.InvalidFieldException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {

  private final List<CompiledPolicy> policies = new PolicyCompiler().compile(PolicyFixture.input());

  private CompiledPolicy named(String suffix) {
    return policies.stream()
        .filter(p -> p.name().endsWith(suffix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no policy named *" + suffix));
  }

  @Test
  void unconditionalShareGrantsGovernmentAndConditionalShareDoesNot() {
    assertThat(named("population.person access").policyItems())
        .flatExtracting(CompiledPolicy.Item::groups)
        .containsExactlyInAnyOrder(
            PlatformGroups.department(PolicyFixture.PROVINCE_POLICE),
            PlatformGroups.PRIVACY_OFFICER,
            PlatformGroups.GOVERNMENT);
    assertThat(named("population.household access").policyItems())
        .flatExtracting(CompiledPolicy.Item::groups)
        .doesNotContain(PlatformGroups.GOVERNMENT, PlatformGroups.PUBLIC);
  }

  @Test
  void everyPersonalColumnGetsItsMaskAndOwnersSeeClear() {
    CompiledPolicy idMask = named("population.person mask id_number");
    assertThat(idMask.policyType()).isEqualTo(CompiledPolicy.DATA_MASK);
    assertThat(idMask.dataMaskPolicyItems().get(0).dataMaskInfo().dataMaskType())
        .isEqualTo("MASK_NONE");
    assertThat(idMask.dataMaskPolicyItems().get(1).groups()).containsExactly("public");
    assertThat(idMask.dataMaskPolicyItems().get(1).dataMaskInfo().dataMaskType())
        .isEqualTo("MASK_ID_NUMBER");
    assertThat(policies)
        .filteredOn(p -> p.name().startsWith(PolicyFixture.PERSON_CODE + " "))
        .extracting(CompiledPolicy::name)
        .contains(
            PolicyFixture.PERSON_CODE + " population.person mask mobile",
            PolicyFixture.PERSON_CODE + " population.person mask full_name",
            PolicyFixture.PERSON_CODE + " population.person mask home_address")
        .noneMatch(name -> name.endsWith("mask region_code"));
  }

  @Test
  void cityDepartmentsGetTheirRegionPrefix() {
    CompiledPolicy filter = named("population.person region filter");
    assertThat(filter.rowFilterPolicyItems())
        .extracting(i -> i.groups().get(0) + "=" + i.rowFilterInfo().filterExpr())
        .contains(
            PlatformGroups.department(PolicyFixture.FOSHAN_HEALTH) + "=region_code LIKE '4406%'",
            PlatformGroups.department(PolicyFixture.NANHAI_CIVIL) + "=region_code LIKE '440605%'");
    assertThat(filter.rowFilterPolicyItems().get(0).rowFilterInfo().filterExpr()).isEmpty();
  }

  @Test
  void anApplicationBecomesAPolicyWithItsValidity() {
    CompiledPolicy application = named("2026-01-01 table");
    assertThat(application.validitySchedules())
        .singleElement()
        .satisfies(v -> assertThat(v.endTime()).isEqualTo("2026/12/31 23:59:59"));
    assertThat(application.policyItems().get(0).groups())
        .containsExactly(PlatformGroups.department(PolicyFixture.FOSHAN_HEALTH));
  }

  @Test
  void exportIsRangerImportJson() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(RangerImport.toJson(policies, Instant.parse("2026-01-01T00:00:00Z")));
    JsonNode first = json.get("policies").get(0);
    assertThat(json.get("metaDataInfo").get("Export time").asText()).startsWith("2026-01-01");
    assertThat(first.get("service").asText()).isEqualTo("govdata");
    assertThat(first.get("isEnabled").asBoolean()).isTrue();
    assertThat(first.get("resources").get("database").get("values").get(0).asText())
        .isEqualTo("population");
    assertThat(first.get("resources").get("database").get("isExcludes").asBoolean()).isFalse();
    assertThat(first.get("policyItems").get(0).get("accesses").get(0).get("isAllowed").asBoolean())
        .isTrue();
    assertThat(first.get("guid").asText()).isEqualTo(policies.get(0).guid());
  }

  @Test
  void serviceDefinitionDeclaresEveryMaskTypeAndAccessType() throws Exception {
    JsonNode def = new ObjectMapper().readTree(RangerImport.serviceDefinitionJson());
    assertThat(def.get("name").asText()).isEqualTo(CompiledPolicy.SERVICE);
    List<String> masks = def.get("dataMaskDef").get("maskTypes").findValuesAsText("name");
    for (MaskType type : MaskType.values()) {
      assertThat(masks).contains(type.name());
    }
    List<String> accesses = def.get("accessTypes").findValuesAsText("name");
    for (AccessType type : AccessType.values()) {
      assertThat(accesses).contains(type.rangerName());
    }
    assertThat(def.get("resources").findValuesAsText("name"))
        .containsExactly("database", "table", "column", "dataset", "api");
  }

  @Test
  void aTableMustBindEveryItem() {
    assertThatThrownBy(
            () ->
                new PublishedTable(
                    PolicyFixture.person(ShareType.UNCONDITIONAL),
                    "population",
                    "person",
                    Map.of("公民身份号码", "id_number"),
                    null))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("binding.item-unbound")
        .hasMessageContaining("手机号码");
  }

  @Test
  void coreDataAndNotSharedDataReachOnlyTheProvider() {
    InformationResource shared = PolicyFixture.person(ShareType.UNCONDITIONAL);
    InformationResource core =
        new InformationResource(
            ResourceCode.parse("101001/000009", "code"),
            shared.classification(),
            shared.name(),
            shared.provider(),
            shared.summary(),
            shared.format(),
            shared.items(),
            shared.share(),
            shared.open(),
            shared.updateCycle(),
            null,
            List.of(),
            List.of(),
            new DataGrade(DataCategory.CORE, SensitivityLevel.L3));
    PublishedTable table =
        new PublishedTable(core, "population", "core_person", PolicyFixture.COLUMNS, null);
    ApprovedApplication application =
        new ApprovedApplication(
            core.code(),
            PolicyFixture.FOSHAN_HEALTH,
            null,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31));
    List<CompiledPolicy> compiled =
        new PolicyCompiler()
            .compile(
                new PolicyInput(
                    List.of(table), List.of(PolicyFixture.FOSHAN_HEALTH), List.of(application)));
    assertThat(compiled)
        .filteredOn(p -> p.policyType() == CompiledPolicy.ACCESS && !p.name().equals("workspace"))
        .flatExtracting(CompiledPolicy::policyItems)
        .flatExtracting(CompiledPolicy.Item::groups)
        .containsOnly(
            PlatformGroups.department(PolicyFixture.PROVINCE_POLICE),
            PlatformGroups.PRIVACY_OFFICER);
  }

  @Test
  void anOpenApplicationGrantsTheUserButNotExchange() {
    InformationResource open =
        new InformationResource(
            ResourceCode.parse("101001/000010", "code"),
            PolicyFixture.POPULATION,
            "人口统计汇总",
            PolicyFixture.PROVINCE_POLICE,
            "按区县汇总",
            new ResourceFormat(FormatFamily.DATABASE, "Iceberg"),
            List.of(new InformationItem("行政区划代码", DataType.STRING, 6, null, SensitivityTag.NONE)),
            new ShareAttribute(ShareType.UNCONDITIONAL, null, null, ShareMethod.API),
            new OpenAttribute(OpenType.CONDITIONAL, "科研用途"),
            UpdateCycle.YEARLY,
            null,
            List.of(),
            List.of(),
            new DataGrade(DataCategory.GENERAL, SensitivityLevel.L2));
    PublishedTable table =
        new PublishedTable(
            open, "statistics", "population_summary", Map.of("行政区划代码", "region_code"), null);
    ApprovedApplication application =
        new ApprovedApplication(
            open.code(), null, "researcher", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
    List<CompiledPolicy> compiled =
        new PolicyCompiler()
            .compile(new PolicyInput(List.of(table), List.of(), List.of(application)));
    CompiledPolicy granted =
        compiled.stream()
            .filter(p -> p.name().endsWith("2026-01-01 table"))
            .findFirst()
            .orElseThrow();
    assertThat(granted.policyItems().get(0).users()).containsExactly("researcher");
    assertThat(granted.policyItems().get(0).accesses())
        .extracting(CompiledPolicy.Access::type)
        .containsExactly("select", "download", "api");
    assertThat(compiled).noneMatch(p -> p.policyType() == CompiledPolicy.DATA_MASK);
  }

  @Test
  void regionFilterIsBuiltFromValidatedParts() {
    assertThat(PolicyCompiler.regionFilter("region_code", "440100"))
        .isEqualTo("region_code LIKE '4401%'");
    assertThat(PolicyCompiler.regionFilter("region_code", "440605"))
        .isEqualTo("region_code LIKE '440605%'");
  }
}
