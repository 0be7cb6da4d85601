package cn.govdata.search;

import cn.govdata.governance.directory.InformationResource;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The two published lists an entry can appear on, which decide who may find it. */
public enum CatalogListing {
  /** 开放清单: anyone, signed in or not. */
  OPEN,
  /** 共享清单: signed-in departments only. */
  SHARED;

  /** The lists a published resource belongs on. */
  public static Set<CatalogListing> of(InformationResource resource) {
    Set<CatalogListing> lists = EnumSet.noneOf(CatalogListing.class);
    if (resource.isOpen()) {
      lists.add(OPEN);
    }
    if (resource.isShared()) {
      lists.add(SHARED);
    }
    return lists;
  }

  /** The value stored in the index. */
  String indexValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
