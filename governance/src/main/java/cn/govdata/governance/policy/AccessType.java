package cn.govdata.governance.policy;

import java.util.List;
import java.util.Locale;

/** The access types of the platform's Ranger service definition: the ways data leaves. */
public enum AccessType {
  /** Reading rows through the SQL gateway (Hive JDBC). */
  SELECT,
  /** Downloading a file of the dataset from the portal. */
  DOWNLOAD,
  /** Reading rows through the data API. */
  API,
  /** Delivering data to another department through the exchange (数据交换). */
  EXCHANGE,
  /** Creating or writing tables, allowed only in a user's workspace. */
  WRITE;

  /** The name Ranger knows the access type by. */
  public String rangerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The ways data is read, the paths every masking and row-filter policy covers. */
  public static final List<AccessType> READS = List.of(SELECT, DOWNLOAD, API, EXCHANGE);
}
