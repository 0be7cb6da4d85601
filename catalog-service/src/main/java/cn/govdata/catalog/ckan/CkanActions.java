package cn.govdata.catalog.ckan;

import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.portal.PublishedCatalog;
import cn.govdata.catalog.portal.PublishedCatalog.Distribution;
import cn.govdata.catalog.searchindex.SearchRequests;
import cn.govdata.catalog.searchindex.Viewers;
import cn.govdata.catalog.security.Caller;
import cn.govdata.governance.directory.Classification;
import cn.govdata.governance.validation.InvalidFieldException;
import cn.govdata.search.CatalogQuery;
import cn.govdata.search.CatalogSearch;
import cn.govdata.search.Facet;
import cn.govdata.search.FacetCount;
import cn.govdata.search.SearchHit;
import cn.govdata.search.SearchPage;
import cn.govdata.search.SearchSort;
import cn.govdata.search.SearchUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CKAN actions, each taking the call's parameters and answering the {@code result} of CKAN's
 * envelope. Parameter mistakes are CKAN validation errors (409) naming the parameter.
 */
final class CkanActions {

  static final String CKAN_VERSION = "2.10.4";

  /**
   * CKAN's {@code fq} terms: {@code field:value} or {@code field:"a value"}, optionally {@code +}.
   */
  private static final Pattern FQ_TERM =
      Pattern.compile("\\s*(\\+)?([A-Za-z_.]+):(\"([^\"]*)\"|([^\\s\"]+))\\s*");

  private final PublishedCatalog catalog;
  private final CatalogSearch search;
  private final Viewers viewers;
  private final CkanPackages packages;
  private final ObjectMapper json;
  private final String baseUrl;

  CkanActions(
      PublishedCatalog catalog,
      CatalogSearch search,
      Viewers viewers,
      ObjectMapper json,
      String baseUrl) {
    this.catalog = catalog;
    this.search = search;
    this.viewers = viewers;
    this.packages = new CkanPackages(baseUrl);
    this.json = json;
    this.baseUrl = baseUrl;
  }

  Object call(String action, Caller caller, Map<String, String> params) {
    return switch (action) {
      case "package_search" -> packageSearch(caller, params);
      case "package_show" -> packageShow(caller, required(params, "id"));
      case "package_list" -> packageList(caller, params);
      case "organization_list" -> organizationList(caller, params);
      case "organization_show" -> organizationShow(caller, required(params, "id"), params);
      case "group_list" -> groupList(caller, params);
      case "resource_show" -> resourceShow(caller, required(params, "id"));
      case "tag_list" -> tagList(caller, params);
      case "status_show" -> statusShow();
      default -> throw CkanException.badRequest("Bad request - Action name not known: " + action);
    };
  }

  static boolean isKnown(String action) {
    return switch (action) {
      case "package_search",
          "package_show",
          "package_list",
          "organization_list",
          "organization_show",
          "group_list",
          "resource_show",
          "tag_list",
          "status_show" ->
          true;
      default -> false;
    };
  }

  private Map<String, Object> packageSearch(Caller caller, Map<String, String> params) {
    int rows = integer(params, "rows", 10, 0, CatalogQuery.MAX_ROWS);
    int start = integer(params, "start", 0, 0, CatalogQuery.MAX_WINDOW);
    String sortText = params.getOrDefault("sort", "score desc, metadata_modified desc");
    SearchSort sort = sort(sortText);
    Map<Long, Department> departments = catalog.departmentsById();
    Map<Facet, Set<String>> filters = filters(params.get("fq"), departments);
    List<String> facetFields = facetFields(params.get("facet.field"));
    int facetLimit = integer(params, "facet.limit", 50, -1, Integer.MAX_VALUE);
    int facetMinCount = integer(params, "facet.mincount", 1, 0, Integer.MAX_VALUE);
    CatalogQuery query;
    try {
      query =
          SearchRequests.query(params.get("q"), filters, sort, start, rows, viewers.of(caller))
              .withFacets(facetsOf(facetFields));
    } catch (InvalidFieldException e) {
      throw CkanException.validation(e.violations().get(0).field(), e.getMessage());
    }
    SearchPage page;
    try {
      page = search.search(query);
    } catch (SearchUnavailableException e) {
      throw CkanException.searchUnavailable(e.getMessage());
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (SearchHit hit : page.hits()) {
      entryId(hit.id())
          .flatMap(id -> catalog.find(caller, id))
          .ifPresent(entry -> results.add(packageDict(entry, departments)));
    }
    Map<String, Object> facets = new LinkedHashMap<>();
    Map<String, Object> searchFacets = new LinkedHashMap<>();
    for (String field : facetFields) {
      Facet facet = facetOf(field, "facet.field");
      List<FacetCount> counts = page.facets().getOrDefault(facet, List.of());
      Map<String, Object> simple = new LinkedHashMap<>();
      List<Map<String, Object>> items = new ArrayList<>();
      for (FacetCount count : counts) {
        if (count.count() < facetMinCount || (facetLimit >= 0 && items.size() >= facetLimit)) {
          continue;
        }
        String name = facetValueName(field, count.value(), departments);
        simple.put(name, count.count());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("display_name", count.label());
        item.put("count", count.count());
        items.add(item);
      }
      facets.put(field, simple);
      searchFacets.put(field, Map.of("title", field, "items", items));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("count", page.total());
    result.put("facets", facets);
    result.put("results", results);
    result.put("sort", sortText);
    result.put("search_facets", searchFacets);
    return result;
  }

  private Map<String, Object> packageShow(Caller caller, String id) {
    Entry entry = findPackage(caller, id);
    return packageDict(entry, catalog.departmentsById());
  }

  private List<String> packageList(Caller caller, Map<String, String> params) {
    int limit = integer(params, "limit", Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
    int offset = integer(params, "offset", 0, 0, Integer.MAX_VALUE);
    return catalog.visible(caller).stream()
        .map(CkanPackages::packageName)
        .sorted()
        .skip(offset)
        .limit(limit)
        .toList();
  }

  private List<Object> organizationList(Caller caller, Map<String, String> params) {
    boolean allFields = bool(params, "all_fields");
    Map<Long, Integer> counts = new LinkedHashMap<>();
    for (Entry entry : catalog.visible(caller)) {
      counts.merge(entry.departmentId(), 1, Integer::sum);
    }
    List<Object> result = new ArrayList<>();
    catalog.departments().stream()
        .sorted(
            (a, b) -> CkanPackages.organizationName(a).compareTo(CkanPackages.organizationName(b)))
        .forEach(
            department ->
                result.add(
                    allFields
                        ? packages.organizationDict(
                            department, counts.getOrDefault(department.id(), 0))
                        : CkanPackages.organizationName(department)));
    return result;
  }

  private Map<String, Object> organizationShow(
      Caller caller, String id, Map<String, String> params) {
    Department department =
        catalog.departments().stream()
            .filter(
                d ->
                    CkanPackages.organizationName(d).equals(id.toLowerCase(Locale.ROOT))
                        || Long.toString(d.id()).equals(id))
            .findFirst()
            .orElseThrow(() -> CkanException.notFound("Not found: organization " + id));
    Map<Long, Department> departments = Map.of(department.id(), department);
    List<Map<String, Object>> datasets =
        catalog.visible(caller).stream()
            .filter(entry -> entry.departmentId() == department.id())
            .map(entry -> packageDict(entry, departments))
            .toList();
    Map<String, Object> dict = packages.organizationDict(department, datasets.size());
    if (bool(params, "include_datasets")) {
      dict.put("packages", datasets);
    }
    dict.put("users", List.of());
    dict.put("extras", List.of());
    dict.put("groups", List.of());
    dict.put("tags", List.of());
    return dict;
  }

  private List<Object> groupList(Caller caller, Map<String, String> params) {
    boolean allFields = bool(params, "all_fields");
    Map<String, Classification> groups = new java.util.TreeMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Entry entry : catalog.visible(caller)) {
      Classification classification = entry.resource().classification();
      String name = CkanPackages.groupName(classification);
      groups.putIfAbsent(name, classification);
      counts.merge(name, 1, Integer::sum);
    }
    List<Object> result = new ArrayList<>();
    groups.forEach(
        (name, classification) ->
            result.add(allFields ? packages.groupDict(classification, counts.get(name)) : name));
    return result;
  }

  private Map<String, Object> resourceShow(Caller caller, String id) {
    int dash = id.lastIndexOf('-');
    if (dash > 0) {
      try {
        long entryId = Long.parseLong(id.substring(0, dash));
        Optional<Entry> entry = catalog.find(caller, entryId);
        if (entry.isPresent()) {
          List<Distribution> distributions = PublishedCatalog.distributions(entry.get());
          for (int position = 0; position < distributions.size(); position++) {
            if (distributions.get(position).id().equals(id.substring(dash + 1))) {
              return packages.resourceDict(entry.get(), distributions.get(position), position);
            }
          }
        }
      } catch (NumberFormatException e) {
        // not one of our resource ids: not found below
      }
    }
    throw CkanException.notFound("Not found: resource " + id);
  }

  private List<String> tagList(Caller caller, Map<String, String> params) {
    String query = params.get("query");
    Set<String> tags = new TreeSet<>();
    for (Entry entry : catalog.visible(caller)) {
      for (String keyword : entry.resource().keywords()) {
        if (query == null || keyword.contains(query.strip())) {
          tags.add(keyword);
        }
      }
    }
    return List.copyOf(tags);
  }

  private Map<String, Object> statusShow() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("site_title", "政务数据开放平台 govdata");
    result.put("site_description", "The open data portal of the pilot zone");
    result.put("site_url", baseUrl);
    result.put("ckan_version", CKAN_VERSION);
    result.put("error_emails_to", null);
    result.put("locale_default", "zh_Hans_CN");
    result.put("extensions", List.of("dcat"));
    return result;
  }

  private Map<String, Object> packageDict(Entry entry, Map<Long, Department> departments) {
    Department department = departments.get(entry.departmentId());
    if (department == null) {
      department = catalog.department(entry);
    }
    return packages.packageDict(entry, department, !entry.onOpenList());
  }

  private Entry findPackage(Caller caller, String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    if (wanted.matches("\\d{1,18}")) {
      Optional<Entry> entry = catalog.find(caller, Long.parseLong(wanted));
      if (entry.isPresent()) {
        return entry.get();
      }
    }
    return catalog.visible(caller).stream()
        .filter(entry -> CkanPackages.packageName(entry).equals(wanted))
        .findFirst()
        .orElseThrow(() -> CkanException.notFound("Not found: package " + id));
  }

  /** CKAN field names and our own facet names, to the search's facets. */
  private static Facet facetOf(String field, String parameter) {
    return switch (field) {
      case "organization", "owner_org" -> Facet.DEPARTMENT;
      case "groups" -> Facet.CLASSIFICATION;
      case "res_format" ->
          throw CkanException.validation(
              parameter,
              "res_format is not a facet here: every download is CSV, XLSX and JSON; use format"
                  + " for the 信息资源格式 family");
      default -> {
        try {
          yield SearchRequests.facet(field, parameter);
        } catch (InvalidFieldException e) {
          throw CkanException.searchQuery(
              "Unknown field in " + parameter + ": " + field + ". " + e.getMessage());
        }
      }
    };
  }

  private static String facetValueName(
      String field, String value, Map<Long, Department> departments) {
    if (field.equals("organization") || field.equals("owner_org")) {
      return departments.values().stream()
          .filter(d -> d.name().equals(value))
          .map(CkanPackages::organizationName)
          .findFirst()
          .orElse(value);
    }
    return value;
  }

  private Map<Facet, Set<String>> filters(String fq, Map<Long, Department> departments) {
    Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
    if (fq == null || fq.isBlank()) {
      return filters;
    }
    if (fq.length() > 1000) {
      throw CkanException.validation("fq", "fq must be at most 1000 characters");
    }
    Matcher matcher = FQ_TERM.matcher(fq);
    int at = 0;
    while (at < fq.length()) {
      if (!matcher.find(at) || matcher.start() != at) {
        throw CkanException.searchQuery(
            "Unsupported fq syntax near '"
                + fq.substring(at, Math.min(fq.length(), at + 40))
                + "': use field:value or field:\"a value\" terms, all of which must match");
      }
      String field = matcher.group(2);
      String raw = matcher.group(4) != null ? matcher.group(4) : matcher.group(5);
      String value = raw;
      Facet facet = facetOf(field, "fq");
      if (facet == Facet.DEPARTMENT) {
        value =
            departments.values().stream()
                .filter(d -> CkanPackages.organizationName(d).equals(raw.toLowerCase(Locale.ROOT)))
                .map(Department::name)
                .findFirst()
                .orElse(raw);
      } else if (facet == Facet.CLASSIFICATION && field.equals("groups")) {
        value = groupTitle(value);
      }
      filters.computeIfAbsent(facet, f -> new LinkedHashSet<>()).add(value);
      at = matcher.end();
    }
    return filters;
  }

  private String groupTitle(String groupName) {
    return catalog.visible(cn.govdata.catalog.security.Caller.ANONYMOUS).stream()
        .map(entry -> entry.resource().classification())
        .filter(c -> CkanPackages.groupName(c).equals(groupName))
        .map(Classification::itemName)
        .findFirst()
        .orElse(groupName);
  }

  private static Set<Facet> facetsOf(List<String> fields) {
    Set<Facet> facets = EnumSet.noneOf(Facet.class);
    for (String field : fields) {
      facets.add(facetOf(field, "facet.field"));
    }
    return facets;
  }

  private List<String> facetFields(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      String[] fields = json.readValue(text, String[].class);
      return List.of(fields);
    } catch (JsonProcessingException e) {
      throw CkanException.validation(
          "facet.field", "facet.field must be a JSON list of field names, e.g. [\"organization\"]");
    }
  }

  private static SearchSort sort(String text) {
    String first = text.split(",")[0].strip().toLowerCase(Locale.ROOT);
    return switch (first) {
      case "score desc", "score", "" -> SearchSort.RELEVANCE;
      case "metadata_modified desc" -> SearchSort.LAST_UPDATED;
      case "views_recent desc", "views_total desc", "popularity desc" -> SearchSort.POPULARITY;
      default ->
          throw CkanException.validation(
              "sort",
              "sort must start with score desc, metadata_modified desc or views_total desc, got '"
                  + text
                  + "'");
    };
  }

  private static String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw CkanException.validation(name, "Missing value");
    }
    if (value.length() > 200) {
      throw CkanException.notFound("Not found: " + name + " is longer than any name here");
    }
    return value;
  }

  private static int integer(
      Map<String, String> params, String name, int fallback, int min, int max) {
    String text = params.get(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value < min || value > max) {
        throw CkanException.validation(
            name, name + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw CkanException.validation(name, "Invalid integer: " + name + " must be a whole number");
    }
  }

  private static boolean bool(Map<String, String> params, String name) {
    String text = params.get(name);
    return text != null && (text.equalsIgnoreCase("true") || text.equals("1"));
  }

  /**
   * The directory entry id a search hit stands for. The index is shared infrastructure and may hold
   * documents the directory did not write (another writer, a benchmark); those are skipped rather
   * than failing the search.
   */
  private static Optional<Long> entryId(String indexId) {
    try {
      return Optional.of(Long.parseLong(indexId));
    } catch (NumberFormatException notAnEntry) {
      return Optional.empty();
    }
  }
}
