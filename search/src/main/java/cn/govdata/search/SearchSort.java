package cn.govdata.search;

/** The orders a catalog search can return. */
public enum SearchSort {
  /** Best match first; the newest first among equals. */
  RELEVANCE,
  /** Most recently updated first. */
  LAST_UPDATED,
  /** Most used first (views and downloads, as the portal counts them). */
  POPULARITY
}
