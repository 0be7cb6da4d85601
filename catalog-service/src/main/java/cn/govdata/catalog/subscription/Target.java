package cn.govdata.catalog.subscription;

/**
 * Where a subscription's deliveries go: {@code {type: NODE, peerNodeId}} (the exchange agent of a
 * registered peer), {@code {type: FILES, format: CSV|PARQUET}} (a drop location of the consumer's)
 * or {@code {type: PULL}} (the consumer pulls over the data API).
 *
 * @param exchangeUrl the peer's agent, filled in from the registry for {@link Type#NODE}; ignored
 *     on input
 */
public record Target(Type type, String peerNodeId, String exchangeUrl, Format format) {

  public enum Type {
    NODE,
    FILES,
    PULL
  }

  public enum Format {
    CSV,
    PARQUET
  }

  Target withExchangeUrl(String url) {
    return new Target(type, peerNodeId, url, format);
  }
}
