package cn.govdata.governance.form;

import cn.govdata.governance.directory.Classification;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.ResourceCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The text each column shows for a list row; the inverse of {@link RowParser}. */
final class ListCells {

  private ListCells() {}

  static List<String> values(List<FormColumn> columns, ListRow row, int sequence) {
    List<String> values = new ArrayList<>(columns.size());
    for (FormColumn column : columns) {
      values.add(value(column, row, sequence));
    }
    return values;
  }

  static String value(FormColumn column, ListRow row, int sequence) {
    InformationResource r = row.resource();
    Classification c = r.classification();
    return switch (column) {
      case SEQUENCE -> String.valueOf(sequence);
      case CATEGORY -> c.category().chinese();
      case ITEM_CODE -> c.itemCode();
      case ITEM_NAME -> c.itemName();
      case CATALOGUE_CODE -> c.catalogueCode();
      case CATALOGUE_NAME -> c.catalogueName();
      case SUB_ITEM_CODE -> c.subItemCode();
      case SUB_ITEM_NAME -> text(c.subItemName());
      case NAME -> r.name();
      case CODE -> text(r.code());
      case PROVIDER -> r.provider().name();
      case PROVIDER_CODE -> r.provider().creditCode();
      case REGION -> r.provider().regionCode();
      case LEVEL -> r.provider().level().chinese();
      case SUMMARY -> r.summary();
      case FORMAT_FAMILY -> r.format().family().chinese();
      case FORMAT_DETAIL -> text(r.format().detail());
      case ITEMS -> ItemsCell.format(r.items());
      case SHARE_TYPE -> r.share().type().chinese();
      case SHARE_CONDITIONS -> text(r.share().conditions());
      case SHARE_LEGAL_BASIS -> text(r.share().legalBasis());
      case SHARE_METHOD -> r.share().method() == null ? "" : r.share().method().chinese();
      case OPEN_TYPE -> r.open().type().chinese();
      case OPEN_CONDITIONS -> text(r.open().conditions());
      case UPDATE_CYCLE -> r.updateCycle().chinese();
      case PUBLISH_DATE -> text(r.publishDate());
      case RELATED_CODES ->
          String.join(
              FormColumn.LIST_SEPARATOR,
              r.relatedCodes().stream().map(ResourceCode::toString).toList());
      case KEYWORDS -> String.join(FormColumn.LIST_SEPARATOR, r.keywords());
      case DATA_CATEGORY -> r.grade().category().chinese();
      case SENSITIVITY_LEVEL -> r.grade().level().chinese();
      // The status is the service's bookkeeping, not part of the entry a list carries.
      case STATUS -> "";
      case BATCH -> text(row.batch());
      case PLANNED_DATE -> text(row.plannedDate());
      case ACTUAL_DATE -> text(row.actualDate());
    };
  }

  private static String text(Object value) {
    return Objects.toString(value, "");
  }
}
