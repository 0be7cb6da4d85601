package cn.govdata.catalog.subscription;

/**
 * Where a subscription's deliveries go: {@code {type: NODE, peerNodeId}} (the exchange agent of a
 * registered peer), {@code {type: FILES, format: CSV|PARQUET}} (the node's drop directory, for a
 * consumer on this node), {@code {type: JDBC, table}} (a table of the node's exchange database, for
 * a consumer on this node) or {@code {type: PULL}} (the consumer pulls over the data API).
 *
 * @param exchangeUrl the peer's agent, filled in from the registry for {@link Type#NODE}; ignored
 *     on input
 * @param table the consumer's table for {@link Type#JDBC}, {@code name} or {@code schema.name} in
 *     lower case
 */
public record Target(
    Type type, String peerNodeId, String exchangeUrl, Format format, String table) {

  public enum Type {
    NODE,
    FILES,
    JDBC,
    PULL
  }

  public enum Format {
    CSV,
    PARQUET
  }

  Target withExchangeUrl(String url) {
    return new Target(type, peerNodeId, url, format, table);
  }

  /**
   * Whether the consumer is on this node (a drop directory or a table the node's data plane writes
   * and receipts for), so that its receipts are signed with this node's key.
   */
  boolean isLocal() {
    return type == Type.FILES || type == Type.JDBC;
  }
}
