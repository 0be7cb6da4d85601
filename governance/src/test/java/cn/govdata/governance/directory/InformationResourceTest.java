package cn.govdata.governance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.codes.CodeCheck;
import cn.govdata.governance.codes.CreditCodes;
import cn.govdata.governance.codes.OrganizationCodes;
import cn.govdata.governance.codes.Region;
import cn.govdata.governance.codes.RegionDirectory;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InformationResourceTest {

  static final Classification POPULATION =
      new Classification(ResourceCategory.BASIC, "01", "人口", "001", "户籍人口", null, null);
  static final ProviderDepartment POLICE =
      new ProviderDepartment("佛山市公安局", "11440600MB2C12345X", "440600", AdministrativeLevel.CITY);
  static final InformationItem ID_NUMBER =
      new InformationItem("公民身份号码", DataType.STRING, 18, null, SensitivityTag.IDENTITY_NUMBER);
  static final InformationItem DISTRICT =
      new InformationItem("所属区", DataType.STRING, 20, null, SensitivityTag.NONE);

  static InformationResource resource(
      List<InformationItem> items, ShareAttribute share, OpenAttribute open, DataGrade grade) {
    return new InformationResource(
        null,
        POPULATION,
        "户籍人口基本信息",
        POLICE,
        "全市户籍人口的基本信息",
        new ResourceFormat(FormatFamily.DATABASE, "PostgreSQL"),
        items,
        share,
        open,
        UpdateCycle.DAILY,
        null,
        List.of(),
        List.of("人口", "户籍"),
        grade);
  }

  static final ShareAttribute CONDITIONAL_SHARE =
      new ShareAttribute(ShareType.CONDITIONAL, "仅用于政务服务", null, ShareMethod.API);
  static final DataGrade L3_IMPORTANT = new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L3);
  static final DataGrade L1_GENERAL = new DataGrade(DataCategory.GENERAL, SensitivityLevel.L1);

  @Test
  void aConsistentEntryIsAccepted() {
    InformationResource entry =
        resource(
            List.of(ID_NUMBER, DISTRICT), CONDITIONAL_SHARE, OpenAttribute.notOpen(), L3_IMPORTANT);
    assertThat(entry.isShared()).isTrue();
    assertThat(entry.isOpen()).isFalse();
    assertThat(entry.withCode(ResourceCode.of(POPULATION, 7)).code()).hasToString("101001/000007");
  }

  @Test
  void notSharedNeedsALegalBasis() {
    assertThatThrownBy(() -> new ShareAttribute(ShareType.NOT_SHARED, null, " ", null))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(e -> assertThat(rules(e)).containsExactly("share.legal-basis-required"));
  }

  @Test
  void conditionalSharingNeedsConditions() {
    assertThatThrownBy(() -> new ShareAttribute(ShareType.CONDITIONAL, null, null, ShareMethod.API))
        .satisfies(e -> assertThat(rules(e)).containsExactly("share.conditions-required"));
  }

  @Test
  void unconditionalOpeningOfPersonalDataIsRefusedWithEveryReason() {
    assertThatThrownBy(
            () ->
                resource(
                    List.of(ID_NUMBER, DISTRICT),
                    CONDITIONAL_SHARE,
                    new OpenAttribute(OpenType.UNCONDITIONAL, null),
                    L3_IMPORTANT))
        .satisfies(
            e ->
                assertThat(rules(e))
                    .containsExactlyInAnyOrder(
                        "open.unconditional-grade", "open.no-personal-information"));
  }

  @Test
  void coreDataIsNeverOpened() {
    assertThatThrownBy(
            () ->
                resource(
                    List.of(DISTRICT),
                    CONDITIONAL_SHARE,
                    new OpenAttribute(OpenType.CONDITIONAL, "申请审核"),
                    new DataGrade(DataCategory.CORE, SensitivityLevel.L2)))
        .satisfies(e -> assertThat(rules(e)).containsExactly("open.grade"));
  }

  @Test
  void missingPartsAreAllReportedAtOnce() {
    assertThatThrownBy(
            () ->
                new InformationResource(
                    null, null, " ", null, null, null, List.of(), null, null, null, null, null,
                    null, null))
        .satisfies(
            e ->
                assertThat(fields(e))
                    .contains(
                        "name",
                        "summary",
                        "classification",
                        "provider",
                        "format",
                        "share",
                        "open",
                        "items",
                        "grade"));
  }

  @Test
  void duplicateItemNamesAreRefused() {
    assertThatThrownBy(
            () ->
                resource(
                    List.of(DISTRICT, DISTRICT),
                    CONDITIONAL_SHARE,
                    OpenAttribute.notOpen(),
                    L1_GENERAL))
        .satisfies(e -> assertThat(fields(e)).containsExactly("items[1].name"));
  }

  @Test
  void aCodeMustMatchItsClassification() {
    InformationResource entry =
        resource(List.of(DISTRICT), CONDITIONAL_SHARE, OpenAttribute.notOpen(), L1_GENERAL);
    assertThatThrownBy(() -> entry.withCode(ResourceCode.parse("201001/000001", "code")))
        .satisfies(
            e -> assertThat(rules(e)).containsExactly("resource-code.matches-classification"));
  }

  @Test
  void resourceCodesParseAndPrintWithTheSlash() {
    assertThat(ResourceCode.parse("101001001/000123", "code"))
        .isEqualTo(new ResourceCode("101001001", 123));
    assertThatThrownBy(() -> ResourceCode.parse("101001-000123", "relatedCodes[0]"))
        .hasMessageContaining("relatedCodes[0]");
  }

  @Test
  void unknownEnumTextNamesTheFieldAndTheAcceptedValues() {
    assertThatThrownBy(() -> Labelled.parse(ShareType.class, "部分共享", "share.type"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("share.type")
        .hasMessageContaining("有条件共享");
    assertThat(Labelled.parse(ShareType.class, "有条件共享", "share.type"))
        .isEqualTo(ShareType.CONDITIONAL);
    assertThat(Labelled.parse(UpdateCycle.class, "monthly", "updateCycle"))
        .isEqualTo(UpdateCycle.MONTHLY);
  }

  @Test
  void directoryRulesCheckTheProviderAgainstReferenceData() {
    RegionDirectory regions =
        new RegionDirectory() {
          final Map<String, Region> known =
              Map.of("440600", new Region("440600", "佛山市", "440000", null, null));

          @Override
          public Optional<Region> find(String code) {
            return Optional.ofNullable(known.get(code));
          }

          @Override
          public List<Region> children(String code) {
            return List.of();
          }
        };
    DirectoryRules rules = new DirectoryRules(regions);
    String organisation = "MB2C1234" + OrganizationCodes.checkCharacter("MB2C1234");
    String validCode = CreditCodes.compose('1', '1', "440600", organisation);
    char wrongCheck = validCode.charAt(17) == '0' ? '1' : '0';
    ProviderDepartment badCode =
        new ProviderDepartment(
            "佛山市公安局", validCode.substring(0, 17) + wrongCheck, "440600", AdministrativeLevel.CITY);
    assertThat(rules.check(badCode))
        .extracting(FieldViolation::rule)
        .containsExactly("credit-code.check-character");
    ProviderDepartment wrongLevel =
        new ProviderDepartment("佛山市公安局", validCode, "440600", AdministrativeLevel.COUNTY);
    assertThat(rules.check(wrongLevel))
        .extracting(FieldViolation::rule)
        .containsExactly("provider.level-matches-region");
    ProviderDepartment unknownRegion =
        new ProviderDepartment("某局", validCode, "449999", AdministrativeLevel.COUNTY);
    assertThat(rules.check(unknownRegion))
        .extracting(FieldViolation::rule)
        .containsExactly("region.unknown");
    assertThat(regions.check("440600", false)).isEqualTo(CodeCheck.valid("440600"));
  }

  private static List<String> rules(Throwable e) {
    return ((InvalidFieldException) e).violations().stream().map(FieldViolation::rule).toList();
  }

  private static List<String> fields(Throwable e) {
    return ((InvalidFieldException) e).violations().stream().map(FieldViolation::field).toList();
  }
}
