package cn.govdata.catalog.application;

/** Who applies for what. */
public enum ApplicationKind {
  /** 共享申请: a department asks for another department's 有条件共享 resource. */
  SHARE,
  /** 开放申请: a member of the public asks for 有条件开放 data. */
  OPEN
}
