package cn.govdata.sql.metadata;

import java.sql.Types;
import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.OperationState;
import org.apache.hive.service.cli.operation.GetColumnsOperation;
import org.apache.hive.service.cli.session.HiveSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * GetColumns: the columns the session user may select, of the tables it may select. Types are the
 * tables' own; a masked non-string column reads as a string in query results.
 */
final class SecuredGetColumns extends GetColumnsOperation {

  private final String schemaName;
  private final String tableName;
  private final String columnName;
  private final SecuredCatalog catalog;

  SecuredGetColumns(
      HiveSession session,
      String catalogName,
      String schemaName,
      String tableName,
      String columnName,
      SecuredCatalog catalog) {
    super(session, catalogName, schemaName, tableName, columnName);
    this.schemaName = schemaName;
    this.tableName = tableName;
    this.columnName = columnName;
    this.catalog = catalog;
  }

  @Override
  public void runInternal() throws HiveSQLException {
    setState(OperationState.RUNNING);
    try {
      for (SecuredCatalog.Column column : catalog.columns(schemaName, tableName, columnName)) {
        rowSet.addRow(row(column));
      }
      setState(OperationState.FINISHED);
    } catch (RuntimeException e) {
      setState(OperationState.ERROR);
      throw new HiveSQLException("cannot list the columns: " + e.getMessage(), e);
    }
  }

  /** The 23 columns of JDBC's DatabaseMetaData.getColumns. */
  private static Object[] row(SecuredCatalog.Column column) {
    StructField field = column.field();
    DataType type = field.dataType();
    return new Object[] {
      "", // TABLE_CAT
      column.table().database(), // TABLE_SCHEM
      column.table().name(), // TABLE_NAME
      field.name(), // COLUMN_NAME
      jdbcType(type), // DATA_TYPE
      type.sql(), // TYPE_NAME
      null, // COLUMN_SIZE
      null, // BUFFER_LENGTH
      type instanceof DecimalType decimal ? decimal.scale() : null, // DECIMAL_DIGITS
      type instanceof DecimalType ? 10 : null, // NUM_PREC_RADIX
      field.nullable() ? 1 : 0, // NULLABLE
      field.getComment().isDefined() ? field.getComment().get() : "", // REMARKS
      null, // COLUMN_DEF
      null, // SQL_DATA_TYPE
      null, // SQL_DATETIME_SUB
      null, // CHAR_OCTET_LENGTH
      column.position(), // ORDINAL_POSITION
      field.nullable() ? "YES" : "NO", // IS_NULLABLE
      null, // SCOPE_CATALOG
      null, // SCOPE_SCHEMA
      null, // SCOPE_TABLE
      null, // SOURCE_DATA_TYPE
      "NO" // IS_AUTO_INCREMENT
    };
  }

  private static int jdbcType(DataType type) {
    if (type instanceof StringType) {
      return Types.VARCHAR;
    } else if (type instanceof IntegerType) {
      return Types.INTEGER;
    } else if (type instanceof LongType) {
      return Types.BIGINT;
    } else if (type instanceof ShortType) {
      return Types.SMALLINT;
    } else if (type instanceof ByteType) {
      return Types.TINYINT;
    } else if (type instanceof DoubleType) {
      return Types.DOUBLE;
    } else if (type instanceof FloatType) {
      return Types.FLOAT;
    } else if (type instanceof DecimalType) {
      return Types.DECIMAL;
    } else if (type instanceof BooleanType) {
      return Types.BOOLEAN;
    } else if (type instanceof DateType) {
      return Types.DATE;
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return Types.TIMESTAMP;
    } else if (type instanceof BinaryType) {
      return Types.BINARY;
    } else if (type instanceof ArrayType) {
      return Types.ARRAY;
    } else if (type instanceof MapType || type instanceof StructType) {
      return Types.JAVA_OBJECT;
    }
    return Types.OTHER;
  }
}
