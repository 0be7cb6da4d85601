package cn.govdata.lineage.graph;

/** What a process in the lineage graph is. */
public enum ProcessKind {
  /** One run of an exchange pipeline (ingest, cleanse, merge, publish). */
  PIPELINE_RUN,
  /** 交付: one delivery of a resource to a consumer, possibly on another node. */
  DELIVERY
}
