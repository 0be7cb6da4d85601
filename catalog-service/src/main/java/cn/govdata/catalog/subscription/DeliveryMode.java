package cn.govdata.catalog.subscription;

/** What each delivery of a subscription carries. */
public enum DeliveryMode {
  /** 全量: the whole table at a snapshot. */
  FULL,
  /** 增量: the rows appended since the last delivered snapshot (the first delivery is full). */
  INCREMENTAL
}
