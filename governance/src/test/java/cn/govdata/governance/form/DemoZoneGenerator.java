package cn.govdata.governance.form;

import cn.govdata.governance.codes.CreditCodes;
import cn.govdata.governance.codes.OrganizationCodes;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.Classification;
import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.DataGrade;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.Labelled;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.OpenAttribute;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceCategory;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.directory.ResourceFormat;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.ShareAttribute;
import cn.govdata.governance.directory.ShareMethod;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.directory.UpdateCycle;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Generates the demo zone, 佛山市 (440600): {@code demo/departments.csv} and {@code
 * demo/directory.csv} under governance's main resources, from the resource templates in {@code
 * demo/templates.txt} (test resources). Deterministic: the same templates give the same files, so
 * {@link DemoZoneTest} can hold the committed files to the generator.
 *
 * <p>Regenerate from the repository root with {@code ./mvnw -pl governance test -Dtest=DemoZoneTest
 * -Dgovdata.demo.regenerate=true}.
 */
final class DemoZoneGenerator {

  static final String CITY = "440600";
  static final Path OUTPUT = Path.of("src/main/resources/demo");

  /** Open batches (开放批次) of the demo zone; published open entries alternate between them. */
  static final List<String> BATCHES = List.of("2026-01", "2026-02");

  private static final long SEED = 440600L;

  /**
   * The departments: key used by the templates, slug id, name, region. Credit codes are generated
   * (fictitious) from the seed.
   */
  private static final String[][] DEPARTMENTS = {
    {"GA", "fs-public-security", "佛山市公安局", CITY},
    {"SJ", "fs-market-regulation", "佛山市市场监督管理局", CITY},
    {"RS", "fs-human-resources", "佛山市人力资源和社会保障局", CITY},
    {"WJ", "fs-health", "佛山市卫生健康局", CITY},
    {"JY", "fs-education", "佛山市教育局", CITY},
    {"MZ", "fs-civil-affairs", "佛山市民政局", CITY},
    {"ZR", "fs-natural-resources", "佛山市自然资源局", CITY},
    {"TJ", "fs-statistics", "佛山市统计局", CITY},
    {"FG", "fs-development-reform", "佛山市发展和改革局", CITY},
    {"SW", "fs-taxation", "国家税务总局佛山市税务局", CITY},
    {"ST", "fs-ecology-environment", "佛山市生态环境局", CITY},
    {"JT", "fs-transport", "佛山市交通运输局", CITY},
    {"SJJ", "fs-data-bureau", "佛山市政务服务数据管理局", CITY},
    {"DIST:禅城区", "chancheng-data-bureau", "佛山市禅城区政务服务数据管理局", "440604"},
    {"DIST:南海区", "nanhai-data-bureau", "佛山市南海区政务服务数据管理局", "440605"},
    {"DIST:顺德区", "shunde-data-bureau", "佛山市顺德区政务服务数据管理局", "440606"},
    {"DIST:三水区", "sanshui-data-bureau", "佛山市三水区政务服务数据管理局", "440607"},
    {"DIST:高明区", "gaoming-data-bureau", "佛山市高明区政务服务数据管理局", "440608"},
  };

  private static final String PERSONAL_SHARE = "仅限依法履职及政务服务身份核验使用，须经提供方审核同意";
  private static final String HEALTH_SHARE = "仅限医疗卫生、医疗保障结算及疾病防控业务使用，须经提供方审核同意";
  private static final String ENTERPRISE_SHARE = "仅限市场监管、信用监管及政务服务业务使用";
  private static final String CONDITIONAL_OPEN = "申请人须实名注册，说明使用用途并签署数据使用协议，不得尝试重新识别个人";

  record Department(
      String key,
      String id,
      String name,
      String creditCode,
      String regionCode,
      AdministrativeLevel level) {}

  record Entry(InformationResource resource, LifecycleStatus status, String batch) {}

  private final Random random = new Random(SEED);
  private final Map<String, Department> departments = new LinkedHashMap<>();

  DemoZoneGenerator() {
    Set<String> organisationCodes = new HashSet<>();
    for (String[] row : DEPARTMENTS) {
      String body;
      do {
        body = "F" + String.format("%07d", random.nextInt(10_000_000));
      } while (!organisationCodes.add(body));
      String organisationCode = body + OrganizationCodes.checkCharacter(body);
      // 1 机构编制 (registration authority), 1 机关 (category): government departments.
      String creditCode = CreditCodes.compose('1', '1', row[3], organisationCode);
      AdministrativeLevel level =
          row[3].equals(CITY) ? AdministrativeLevel.CITY : AdministrativeLevel.COUNTY;
      departments.put(row[0], new Department(row[0], row[1], row[2], creditCode, row[3], level));
    }
  }

  List<Department> departments() {
    return List.copyOf(departments.values());
  }

  List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> sequences = new HashMap<>();
    Map<String, ResourceCode> catalogueHeads = new HashMap<>();
    int openIndex = 0;
    for (String line : templates()) {
      String[] t = line.split("\\|", -1);
      List<Department> providers =
          t[0].equals("DIST")
              ? departments.values().stream().filter(d -> d.key().startsWith("DIST:")).toList()
              : List.of(departments.get(t[0]));
      for (Department provider : providers) {
        String district = provider.key().startsWith("DIST:") ? provider.key().substring(5) : null;
        Classification classification =
            new Classification(ResourceCategory.ofDigit(t[1]), t[2], t[3], t[4], t[5], t[6], t[7]);
        int sequence = sequences.merge(classification.frontCode(), 1, Integer::sum);
        ResourceCode code = ResourceCode.of(classification, sequence);
        // A 细目 entry relates to the first entry catalogued under its 目.
        String catalogueKey = t[1] + t[2] + t[4];
        List<ResourceCode> related = new ArrayList<>();
        if (classification.subItemCode().isEmpty()) {
          catalogueHeads.putIfAbsent(catalogueKey, code);
        } else if (catalogueHeads.containsKey(catalogueKey)) {
          related.add(catalogueHeads.get(catalogueKey));
        }
        String name = district == null ? t[8] : t[8].replace("{区}", district);
        List<InformationItem> items = ItemsCell.parse(t[13], "items");
        UpdateCycle cycle = Labelled.parse(UpdateCycle.class, t[12], "cycle");
        FormatFamily family = Labelled.parse(FormatFamily.class, t[9], "family");
        String profile = t[11];
        List<String> keywords = new ArrayList<>(List.of(t[3], t[5]));
        if (!t[7].isEmpty()) {
          keywords.add(t[7]);
        }
        if (district != null) {
          keywords.add(district);
        }
        LifecycleStatus status = status();
        LocalDate published =
            status == LifecycleStatus.PUBLISHED || status == LifecycleStatus.RETIRED
                ? LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28))
                : null;
        InformationResource resource =
            new InformationResource(
                code,
                classification,
                name,
                new ProviderDepartment(
                    provider.name(),
                    provider.creditCode(),
                    provider.regionCode(),
                    provider.level()),
                summary(provider.name(), name, items, cycle),
                new ResourceFormat(family, t[10]),
                items,
                share(profile, family),
                open(profile),
                cycle,
                published,
                related,
                keywords,
                grade(profile));
        String batch =
            status == LifecycleStatus.PUBLISHED && resource.isOpen()
                ? BATCHES.get(openIndex++ % BATCHES.size())
                : null;
        entries.add(new Entry(resource, status, batch));
      }
    }
    return entries;
  }

  /** Mostly published, as in a running zone, with every other status present. */
  private LifecycleStatus status() {
    int dice = random.nextInt(100);
    if (dice < 55) {
      return LifecycleStatus.PUBLISHED;
    } else if (dice < 65) {
      return LifecycleStatus.APPROVED;
    } else if (dice < 75) {
      return LifecycleStatus.SUBMITTED;
    } else if (dice < 85) {
      return LifecycleStatus.DRAFT;
    } else if (dice < 92) {
      return LifecycleStatus.RETURNED;
    }
    return LifecycleStatus.RETIRED;
  }

  private static String summary(
      String provider, String name, List<InformationItem> items, UpdateCycle cycle) {
    List<String> names = items.stream().limit(3).map(InformationItem::name).toList();
    return provider
        + "提供的"
        + name
        + "，包括"
        + String.join("、", names)
        + (items.size() > 3 ? "等" : "")
        + items.size()
        + "个信息项，"
        + (cycle == UpdateCycle.REAL_TIME || cycle == UpdateCycle.IRREGULAR ? "" : "按")
        + cycle.chinese().replace("每", "")
        + "更新。";
  }

  private static ShareAttribute share(String profile, FormatFamily family) {
    ShareMethod method =
        switch (family) {
          case DATABASE -> ShareMethod.DATABASE_EXCHANGE;
          case API -> ShareMethod.API;
          default -> ShareMethod.FILE_DOWNLOAD;
        };
    return switch (profile.charAt(0)) {
      case 'P' -> new ShareAttribute(ShareType.CONDITIONAL, PERSONAL_SHARE, null, ShareMethod.API);
      case 'H' -> new ShareAttribute(ShareType.CONDITIONAL, HEALTH_SHARE, null, ShareMethod.API);
      case 'E' -> new ShareAttribute(ShareType.CONDITIONAL, ENTERPRISE_SHARE, null, method);
      case 'N', 'K' -> new ShareAttribute(ShareType.NOT_SHARED, null, profile.substring(2), null);
      default -> new ShareAttribute(ShareType.UNCONDITIONAL, null, null, method);
    };
  }

  private static OpenAttribute open(String profile) {
    return switch (profile.charAt(0)) {
      case 'O' -> new OpenAttribute(OpenType.UNCONDITIONAL, null);
      case 'C', 'E' -> new OpenAttribute(OpenType.CONDITIONAL, CONDITIONAL_OPEN);
      default -> OpenAttribute.notOpen();
    };
  }

  private static DataGrade grade(String profile) {
    return switch (profile.charAt(0)) {
      case 'O' -> new DataGrade(DataCategory.GENERAL, SensitivityLevel.L1);
      case 'C', 'E', 'L' -> new DataGrade(DataCategory.GENERAL, SensitivityLevel.L2);
      case 'P' -> new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L3);
      case 'K' -> new DataGrade(DataCategory.CORE, SensitivityLevel.L4);
      default -> new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L4);
    };
  }

  /** The directory form with the 状态 column, as a department exports it from its own system. */
  String directoryCsv() {
    List<FormColumn> columns = new ArrayList<>(FormColumn.of(ListKind.DIRECTORY));
    columns.add(columns.indexOf(FormColumn.BATCH), FormColumn.STATUS);
    List<Entry> entries = entries();
    return csv(
        columns.stream().map(FormColumn::chinese).toList(),
        entries.stream()
            .map(
                entry -> {
                  ListRow row = new ListRow(entry.resource(), entry.batch(), null, null);
                  int sequence = entries.indexOf(entry) + 1;
                  return columns.stream()
                      .map(
                          column ->
                              column == FormColumn.STATUS
                                  ? entry.status().chinese()
                                  : ListCells.value(column, row, sequence))
                      .toList();
                })
            .toList());
  }

  String departmentsCsv() {
    return csv(
        List.of("id", "name", "credit_code", "region_code", "level"),
        departments.values().stream()
            .map(d -> List.of(d.id(), d.name(), d.creditCode(), d.regionCode(), d.level().name()))
            .toList());
  }

  void writeFiles(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(
        directory.resolve("departments.csv"), departmentsCsv(), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("directory.csv"), directoryCsv(), StandardCharsets.UTF_8);
  }

  private static String csv(List<String> header, List<List<String>> rows) {
    StringWriter text = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static List<String> templates() {
    try (InputStream in = DemoZoneGenerator.class.getResourceAsStream("/demo/templates.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws IOException {
    new DemoZoneGenerator().writeFiles(args.length > 0 ? Path.of(args[0]) : OUTPUT);
  }
}
