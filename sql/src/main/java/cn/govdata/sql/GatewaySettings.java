package cn.govdata.sql;

/**
 * Where the SQL gateway (HiveServer2 protocol) listens.
 *
 * @param host the bind address
 * @param port the HiveServer2 binary port, 10000 by default
 */
public record GatewaySettings(String host, int port) {

  public static final int DEFAULT_PORT = 10000;

  public GatewaySettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("gateway host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("gateway port must be 1..65535: " + port);
    }
  }

  public static GatewaySettings defaults() {
    return new GatewaySettings("127.0.0.1", DEFAULT_PORT);
  }

  /** The URL a Hive JDBC client connects to. */
  public String jdbcUrl() {
    return "jdbc:hive2://" + host + ":" + port + "/default";
  }
}
