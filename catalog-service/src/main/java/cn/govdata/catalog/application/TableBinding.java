package cn.govdata.catalog.application;

import cn.govdata.governance.validation.Checks;
import java.util.Map;

/**
 * Where a published entry's data lives, as the pipelines that load it declare in {@code
 * govdata.home/policies/tables.json}: the binding the policy compiler needs (see {@link
 * cn.govdata.governance.policy.PublishedTable}). Entries without a binding have no table, so no
 * table policy.
 */
record TableBinding(
    String resourceCode,
    String database,
    String table,
    Map<String, String> columnsByItem,
    String regionColumn) {

  TableBinding {
    Checks.requiredText(resourceCode, "resourceCode", 32);
    columnsByItem = columnsByItem == null ? Map.of() : Map.copyOf(columnsByItem);
  }
}
