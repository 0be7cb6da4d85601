package cn.govdata.lineage.graph;

/** Which way to walk the graph from a dataset. */
public enum LineageDirection {
  /** Towards the data it was made from. */
  UPSTREAM,
  /** Towards the data made from it. */
  DOWNSTREAM,
  /** Both ways. */
  BOTH
}
