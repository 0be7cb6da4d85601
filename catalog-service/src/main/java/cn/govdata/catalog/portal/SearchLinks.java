package cn.govdata.catalog.portal;

import cn.govdata.search.Facet;
import cn.govdata.search.FacetCount;
import cn.govdata.search.SearchPage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/** The links of a results page: each facet value toggles its filter; pages keep the rest. */
record SearchLinks(String q, List<String> filters, String sort) {

  /** One facet with its values. */
  record Group(String facet, List<Link> links) {}

  /** One facet value: its label, count, the link that toggles it and whether it is applied. */
  record Link(String label, long count, String href, boolean active) {}

  SearchLinks {
    filters = List.copyOf(filters);
  }

  List<Group> groups(SearchPage page) {
    List<Group> groups = new ArrayList<>();
    for (Facet facet : Facet.values()) {
      List<Link> links = new ArrayList<>();
      for (FacetCount count : page.facets().getOrDefault(facet, List.of())) {
        String filter = facet.field() + ":" + count.value();
        boolean active = filters.contains(filter);
        List<String> next = new ArrayList<>(filters);
        if (active) {
          next.remove(filter);
        } else {
          next.add(filter);
        }
        links.add(new Link(count.label(), count.count(), href(next, sort, 1), active));
      }
      if (!links.isEmpty()) {
        groups.add(new Group(facet.field(), links));
      }
    }
    return groups;
  }

  String page(int number) {
    return href(filters, sort, number);
  }

  String sorted(String newSort) {
    return href(filters, newSort, 1);
  }

  String cleared() {
    return href(List.of(), sort, 1);
  }

  private String href(List<String> withFilters, String withSort, int page) {
    UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/search");
    if (q != null && !q.isBlank()) {
      builder.queryParam("q", q);
    }
    for (String filter : withFilters) {
      builder.queryParam("filter", filter);
    }
    if (withSort != null && !withSort.equals("relevance")) {
      builder.queryParam("sort", withSort);
    }
    if (page > 1) {
      builder.queryParam("page", page);
    }
    return builder.encode().build().toUriString();
  }
}
