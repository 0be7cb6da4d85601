package cn.govdata.pipelines.delivery;

/** Where a delivery stands, as the console shows it. */
public enum DeliveryState {
  /** 交付中: an attempt is running or waiting to retry. */
  RUNNING,
  /** 已交付: the receiver's signed receipt accepts it. */
  DELIVERED,
  /** 已拒收: the receiver's signed receipt rejects it (e.g. a checksum differs). */
  REJECTED,
  /** 交付失败: every attempt failed; the last error says why. */
  FAILED
}
