package cn.govdata.sql.metadata;

import cn.govdata.sql.GatewayRuntime;
import java.lang.reflect.Field;
import java.util.List;
import org.apache.hive.service.cli.CLIService;
import org.apache.hive.service.cli.operation.GetColumnsOperation;
import org.apache.hive.service.cli.operation.GetSchemasOperation;
import org.apache.hive.service.cli.operation.MetadataOperation;
import org.apache.hive.service.cli.operation.Operation;
import org.apache.hive.service.cli.operation.OperationManager;
import org.apache.hive.service.cli.session.HiveSession;
import org.apache.hive.service.cli.session.SessionManager;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.apache.spark.sql.hive.thriftserver.server.SparkSQLOperationManager;

/**
 * Spark's thrift-server operation manager with the HiveServer2 metadata operations JDBC tools call
 * for their table tree — GetSchemas, GetTables, GetColumns — answered from the gateway's Iceberg
 * catalog and restricted to what the session user may select, decided by Ranger per table and per
 * column. Spark's own operations read only its built-in session catalog and ask no one. Statements
 * run as before ({@link SparkSQLOperationManager}).
 */
public final class SecuredOperationManager extends SparkSQLOperationManager {

  private final GatewayRuntime runtime;

  private SecuredOperationManager(GatewayRuntime runtime) {
    this.runtime = runtime;
    // Spark's constructor reads Hive's operation map from its class's superclass, which for a
    // subclass is Spark's own class: hand it Hive's map as Spark's constructor would have.
    try {
      Field hive = OperationManager.class.getDeclaredField("handleToOperation");
      hive.setAccessible(true);
      Field spark = SparkSQLOperationManager.class.getDeclaredField("handleToOperation");
      spark.setAccessible(true);
      spark.set(this, hive.get(this));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot share Hive's operation map with Spark's", e);
    }
  }

  /**
   * Puts a secured operation manager in place of Spark's in a started server, before any session
   * opens: Hive's session manager hands its operation manager to each new session, and Spark's
   * session manager keeps its own reference to register the session's SQL context. Neither offers a
   * setter, hence reflection (the fields Spark's own {@code ReflectionUtils} sets).
   */
  public static void install(HiveThriftServer2 server, GatewayRuntime runtime) {
    CLIService cli =
        server.getServices().stream()
            .filter(CLIService.class::isInstance)
            .map(CLIService.class::cast)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the thrift server has no CLI service"));
    SessionManager sessions = cli.getSessionManager();
    SecuredOperationManager secured = new SecuredOperationManager(runtime);
    secured.init(cli.getHiveConf());
    secured.start();
    setField(SessionManager.class, sessions, "operationManager", secured);
    setField(sessions.getClass(), sessions, "sparkSqlOperationManager", secured);
  }

  private static void setField(Class<?> owner, Object target, String name, OperationManager value) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      field.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot secure the thrift server's metadata operations: " + owner.getName() + "." + name,
          e);
    }
  }

  @Override
  public synchronized GetSchemasOperation newGetSchemasOperation(
      HiveSession session, String catalogName, String schemaName) {
    return register(new SecuredGetSchemas(session, catalogName, schemaName, catalog(session)));
  }

  @Override
  public synchronized MetadataOperation newGetTablesOperation(
      HiveSession session,
      String catalogName,
      String schemaName,
      String tableName,
      List<String> tableTypes) {
    return register(
        new SecuredGetTables(
            session, catalogName, schemaName, tableName, tableTypes, catalog(session)));
  }

  @Override
  public synchronized GetColumnsOperation newGetColumnsOperation(
      HiveSession session,
      String catalogName,
      String schemaName,
      String tableName,
      String columnName) {
    return register(
        new SecuredGetColumns(
            session, catalogName, schemaName, tableName, columnName, catalog(session)));
  }

  private <T extends Operation> T register(T operation) {
    handleToOperation().put(operation.getHandle(), operation);
    return operation;
  }

  private SecuredCatalog catalog(HiveSession session) {
    SQLContext context = sessionToContexts().get(session.getSessionHandle());
    if (context == null) {
      throw new IllegalStateException(
          "session " + session.getSessionHandle() + " has not been opened or is closed");
    }
    return new SecuredCatalog(
        context.sparkSession(), runtime, runtime.principal(session.getUserName()));
  }
}
