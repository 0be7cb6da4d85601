package cn.govdata.sql.metadata;

import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.OperationState;
import org.apache.hive.service.cli.operation.GetSchemasOperation;
import org.apache.hive.service.cli.session.HiveSession;

/**
 * GetSchemas: the namespaces of the gateway's catalog (their names are no secret: SHOW NAMESPACES).
 */
final class SecuredGetSchemas extends GetSchemasOperation {

  private final String schemaName;
  private final SecuredCatalog catalog;

  SecuredGetSchemas(
      HiveSession session, String catalogName, String schemaName, SecuredCatalog catalog) {
    super(session, catalogName, schemaName);
    this.schemaName = schemaName;
    this.catalog = catalog;
  }

  @Override
  public void runInternal() throws HiveSQLException {
    setState(OperationState.RUNNING);
    try {
      for (String database : catalog.databases(schemaName)) {
        rowSet.addRow(new Object[] {database, ""});
      }
      setState(OperationState.FINISHED);
    } catch (RuntimeException e) {
      setState(OperationState.ERROR);
      throw new HiveSQLException("cannot list the schemas: " + e.getMessage(), e);
    }
  }
}
