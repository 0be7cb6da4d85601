package cn.govdata.lineage.graph;

/** What a dataset in the lineage graph is. */
public enum DatasetKind {
  /** 信息资源: an entry of the resource directory. */
  DIRECTORY_RESOURCE,
  /** A table of a base database (基础库) or a shared dataset. */
  TABLE,
  /** A column of such a table. */
  COLUMN
}
