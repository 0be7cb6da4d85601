package cn.govdata.governance.policy;

import cn.govdata.governance.codes.Region;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.policy.CompiledPolicy.Access;
import cn.govdata.governance.policy.CompiledPolicy.FilterInfo;
import cn.govdata.governance.policy.CompiledPolicy.FilterItem;
import cn.govdata.governance.policy.CompiledPolicy.Item;
import cn.govdata.governance.policy.CompiledPolicy.MaskInfo;
import cn.govdata.governance.policy.CompiledPolicy.MaskItem;
import cn.govdata.governance.policy.CompiledPolicy.Resource;
import cn.govdata.governance.policy.CompiledPolicy.Validity;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles the directory into Ranger policies; the rule is written down in docs/privacy.md.
 *
 * <ul>
 *   <li>The providing department and privacy officers read every path in the clear.
 *   <li>无条件共享: every government department reads; 有条件共享: only departments with an approved
 *       application, while it is valid; 不予共享, core data and L4: only the provider.
 *   <li>无条件开放: everyone reads (select, download, api); 有条件开放: approved applicants.
 *   <li>Every information item tagged with personal information is masked for everyone but the
 *       provider and privacy officers, on every read path.
 *   <li>A city or county department that is not the provider sees only the rows of its own region
 *       when the table has a region column; a province department sees them all; a government user
 *       of a department the directory does not know sees none (unless the table is open).
 *   <li>Everyone may create and read tables named {@code <user>_*} in the {@code workspace}
 *       database.
 * </ul>
 *
 * Anything no policy allows is denied: the compiler only ever grants.
 */
public final class PolicyCompiler {

  /** The database where users may create tables of their own, named {@code <user>_...}. */
  public static final String WORKSPACE_DATABASE = "workspace";

  /** The row filter of a user whose region is unknown. */
  static final String NO_ROWS = "1 = 0";

  private static final DateTimeFormatter RANGER_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd");
  private static final String ZONE = "Asia/Shanghai";

  public List<CompiledPolicy> compile(PolicyInput input) {
    List<CompiledPolicy> policies = new ArrayList<>();
    List<PublishedTable> tables =
        input.tables().stream()
            .sorted(Comparator.comparing(t -> t.resource().code().toString()))
            .toList();
    for (PublishedTable table : tables) {
      policies.add(access(policies.size() + 1, table));
      policies.add(datasetAccess(policies.size() + 1, table));
      for (ApprovedApplication application : input.applications()) {
        if (application.resource().equals(table.resource().code())
            && conditionalAllows(table.resource(), application)) {
          policies.add(
              application(policies.size() + 1, table, application, tableResources(table, "*")));
          policies.add(
              application(policies.size() + 1, table, application, datasetResources(table)));
        }
      }
      for (InformationItem item : table.resource().items()) {
        MaskType mask = MaskType.forTag(item.sensitivity());
        if (!mask.isClear()) {
          policies.add(mask(policies.size() + 1, table, item, mask));
        }
      }
      if (table.regionColumn() != null) {
        policies.add(rowFilter(policies.size() + 1, table, input.departments()));
      }
    }
    policies.add(workspace(policies.size() + 1));
    return List.copyOf(policies);
  }

  private static CompiledPolicy access(long id, PublishedTable table) {
    InformationResource resource = table.resource();
    List<Item> items = new ArrayList<>();
    items.add(new Item(reads(AccessType.READS), List.of(), owners(resource)));
    if (isShareable(resource) && resource.share().type() == ShareType.UNCONDITIONAL) {
      items.add(new Item(reads(AccessType.READS), List.of(), List.of(PlatformGroups.GOVERNMENT)));
    }
    if (resource.open().type() == OpenType.UNCONDITIONAL) {
      items.add(
          new Item(
              reads(List.of(AccessType.SELECT, AccessType.DOWNLOAD, AccessType.API)),
              List.of(),
              List.of(PlatformGroups.PUBLIC)));
    }
    return policy(
        id,
        name(table, "access"),
        CompiledPolicy.ACCESS,
        describe(resource, "who may read"),
        tableResources(table, "*"),
        items,
        List.of(),
        List.of(),
        List.of(),
        resource);
  }

  /** The same grants on the catalogue's dataset and data-API resources. */
  private static CompiledPolicy datasetAccess(long id, PublishedTable table) {
    CompiledPolicy tableAccess = access(id, table);
    return new CompiledPolicy(
        id,
        CompiledPolicy.SERVICE,
        name(table, "dataset"),
        CompiledPolicy.ACCESS,
        describe(table.resource(), "who may download or call the data API"),
        datasetResources(table),
        tableAccess.policyItems(),
        List.of(),
        List.of(),
        List.of(),
        tableAccess.policyLabels());
  }

  private static CompiledPolicy application(
      long id,
      PublishedTable table,
      ApprovedApplication application,
      Map<String, Resource> resources) {
    List<AccessType> accesses =
        application.isShareApplication()
            ? AccessType.READS
            : List.of(AccessType.SELECT, AccessType.DOWNLOAD, AccessType.API);
    Item item =
        application.isShareApplication()
            ? new Item(
                reads(accesses),
                List.of(),
                List.of(PlatformGroups.department(application.department())))
            : new Item(reads(accesses), List.of(application.user()), List.of());
    String applicant =
        application.isShareApplication()
            ? PlatformGroups.department(application.department())
            : "user " + application.user();
    Validity validity =
        new Validity(
            application.validFrom().format(RANGER_TIME) + " 00:00:00",
            application.validUntil().format(RANGER_TIME) + " 23:59:59",
            ZONE);
    String on = resources.containsKey("dataset") ? " dataset" : " table";
    return policy(
        id,
        name(table, "application " + applicant + " " + application.validFrom() + on),
        CompiledPolicy.ACCESS,
        "approved application of " + applicant + " until " + application.validUntil(),
        resources,
        List.of(item),
        List.of(),
        List.of(),
        List.of(validity),
        table.resource());
  }

  private static CompiledPolicy mask(
      long id, PublishedTable table, InformationItem item, MaskType mask) {
    String column = table.column(item);
    List<MaskItem> items =
        List.of(
            new MaskItem(
                reads(AccessType.READS),
                List.of(),
                owners(table.resource()),
                new MaskInfo(MaskType.MASK_NONE.name())),
            new MaskItem(
                reads(AccessType.READS),
                List.of(),
                List.of(PlatformGroups.PUBLIC),
                new MaskInfo(mask.name())));
    return policy(
        id,
        name(table, "mask " + column),
        CompiledPolicy.DATA_MASK,
        item.name() + " (" + item.sensitivity().chinese() + ") masked with " + mask.label(),
        tableResources(table, column),
        List.of(),
        items,
        List.of(),
        List.of(),
        table.resource());
  }

  private static CompiledPolicy rowFilter(
      long id, PublishedTable table, List<ProviderDepartment> departments) {
    InformationResource resource = table.resource();
    List<FilterItem> items = new ArrayList<>();
    items.add(
        new FilterItem(reads(AccessType.READS), List.of(), owners(resource), new FilterInfo("")));
    // Ranger applies the first item that matches the user: departments before the catch-all below
    departments.stream()
        .filter(d -> !d.creditCode().equals(resource.provider().creditCode()))
        .sorted(Comparator.comparing(ProviderDepartment::creditCode))
        .forEach(
            d ->
                items.add(
                    new FilterItem(
                        reads(AccessType.READS),
                        List.of(),
                        List.of(PlatformGroups.department(d)),
                        new FilterInfo(
                            d.level() == AdministrativeLevel.PROVINCE
                                ? ""
                                : regionFilter(table.regionColumn(), d.regionCode())))));
    if (resource.open().type() != OpenType.UNCONDITIONAL) {
      // a government user whose department the directory does not know has no region: no rows,
      // rather than every row (an open table's rows are everyone's anyway)
      items.add(
          new FilterItem(
              reads(AccessType.READS),
              List.of(),
              List.of(PlatformGroups.GOVERNMENT),
              new FilterInfo(NO_ROWS)));
    }
    Map<String, Resource> resources = new LinkedHashMap<>();
    resources.put("database", Resource.of(table.database()));
    resources.put("table", Resource.of(table.table()));
    return policy(
        id,
        name(table, "region filter"),
        CompiledPolicy.ROW_FILTER,
        "city and county departments see the rows of their own region",
        resources,
        List.of(),
        List.of(),
        items,
        List.of(),
        resource);
  }

  /**
   * The rows of a region and the regions below it, by GB/T 2260 prefix: 4406 for a city, the full
   * code for a county. Both the column and the code are validated identifiers and digits, so the
   * expression cannot be steered.
   */
  static String regionFilter(String column, String regionCode) {
    String prefix =
        Region.levelOf(regionCode) == AdministrativeLevel.CITY
            ? regionCode.substring(0, 4)
            : regionCode;
    return column + " LIKE '" + prefix + "%'";
  }

  private static CompiledPolicy workspace(long id) {
    Map<String, Resource> resources = new LinkedHashMap<>();
    resources.put("database", Resource.of(WORKSPACE_DATABASE));
    resources.put("table", Resource.of("{USER}_*"));
    resources.put("column", Resource.of("*"));
    return new CompiledPolicy(
        id,
        CompiledPolicy.SERVICE,
        "workspace",
        CompiledPolicy.ACCESS,
        "every user may create and read tables named <user>_* in the workspace database",
        resources,
        List.of(
            new Item(
                reads(List.of(AccessType.SELECT, AccessType.WRITE)),
                List.of(),
                List.of(PlatformGroups.PUBLIC))),
        List.of(),
        List.of(),
        List.of(),
        List.of("workspace"));
  }

  /** Whether anyone but the provider may ever read the resource. */
  private static boolean isShareable(InformationResource resource) {
    return resource.share().type() != ShareType.NOT_SHARED
        && resource.grade().category() != DataCategory.CORE
        && resource.grade().level() != SensitivityLevel.L4;
  }

  private static boolean conditionalAllows(
      InformationResource resource, ApprovedApplication application) {
    if (application.isShareApplication()) {
      return isShareable(resource) && resource.share().type() == ShareType.CONDITIONAL;
    }
    return resource.open().type() == OpenType.CONDITIONAL;
  }

  private static List<String> owners(InformationResource resource) {
    return List.of(PlatformGroups.department(resource.provider()), PlatformGroups.PRIVACY_OFFICER);
  }

  private static List<Access> reads(List<AccessType> types) {
    return types.stream().map(t -> new Access(t.rangerName())).toList();
  }

  private static Map<String, Resource> tableResources(PublishedTable table, String column) {
    Map<String, Resource> resources = new LinkedHashMap<>();
    resources.put("database", Resource.of(table.database()));
    resources.put("table", Resource.of(table.table()));
    resources.put("column", Resource.of(column));
    return resources;
  }

  private static Map<String, Resource> datasetResources(PublishedTable table) {
    Map<String, Resource> resources = new LinkedHashMap<>();
    resources.put("dataset", Resource.of(table.resource().code().toString()));
    resources.put("api", Resource.of("*"));
    return resources;
  }

  private static String name(PublishedTable table, String what) {
    return table.resource().code() + " " + table.database() + "." + table.table() + " " + what;
  }

  private static String describe(InformationResource resource, String what) {
    return resource.name()
        + " ("
        + resource.share().type().chinese()
        + ", "
        + resource.open().type().chinese()
        + ", "
        + resource.grade().level().name()
        + "): "
        + what;
  }

  private static CompiledPolicy policy(
      long id,
      String name,
      int type,
      String description,
      Map<String, Resource> resources,
      List<Item> items,
      List<MaskItem> masks,
      List<FilterItem> filters,
      List<Validity> validity,
      InformationResource resource) {
    return new CompiledPolicy(
        id,
        CompiledPolicy.SERVICE,
        name,
        type,
        description,
        resources,
        items,
        masks,
        filters,
        validity,
        List.of(
            "resource:" + resource.code(),
            "grade:" + resource.grade().category().name() + "/" + resource.grade().level().name()));
  }
}
