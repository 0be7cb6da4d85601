package cn.govdata.catalog.subscription;

/** Where one delivery stands, as the exchange agent reports it. */
public enum DeliveryState {
  /** 传输中: the agent is sending, possibly after earlier failed attempts. */
  RUNNING,
  /** 已送达: the consumer's signed receipt came back and verified. */
  DELIVERED,
  /** 失败: every attempt failed; the slot stays due, so a later run retries it. */
  FAILED,
  /** 被拒收: the consumer refused what arrived (e.g. a checksum did not match). */
  REJECTED
}
