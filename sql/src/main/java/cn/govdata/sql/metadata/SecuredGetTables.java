package cn.govdata.sql.metadata;

import java.util.List;
import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.OperationState;
import org.apache.hive.service.cli.operation.GetTablesOperation;
import org.apache.hive.service.cli.session.HiveSession;

/** GetTables: the tables of the gateway's catalog the session user may select. */
final class SecuredGetTables extends GetTablesOperation {

  private final String schemaName;
  private final String tableName;
  private final List<String> tableTypes;
  private final SecuredCatalog catalog;

  SecuredGetTables(
      HiveSession session,
      String catalogName,
      String schemaName,
      String tableName,
      List<String> tableTypes,
      SecuredCatalog catalog) {
    super(session, catalogName, schemaName, tableName, tableTypes);
    this.schemaName = schemaName;
    this.tableName = tableName;
    this.tableTypes = tableTypes;
    this.catalog = catalog;
  }

  @Override
  public void runInternal() throws HiveSQLException {
    setState(OperationState.RUNNING);
    try {
      if (tableTypes == null || tableTypes.isEmpty() || tableTypes.contains("TABLE")) {
        for (SecuredCatalog.Table table : catalog.tables(schemaName, tableName)) {
          // TABLE_CAT, TABLE_SCHEM, TABLE_NAME, TABLE_TYPE, REMARKS, and Hive 2.3's five more
          rowSet.addRow(
              new Object[] {
                "", table.database(), table.name(), "TABLE", "", null, null, null, null, null
              });
        }
      }
      setState(OperationState.FINISHED);
    } catch (RuntimeException e) {
      setState(OperationState.ERROR);
      throw new HiveSQLException("cannot list the tables: " + e.getMessage(), e);
    }
  }
}
