package cn.govdata.catalog.application;

/** Where an application stands. Only {@link #APPROVED} grants access. */
public enum ApplicationStatus {
  /** 待审核: waiting for the providing department. */
  SUBMITTED,
  /** 已批准: grants access from its first to its last granted day. */
  APPROVED,
  /** 未通过: refused, with a reason. */
  REFUSED,
  /** 已撤销: the provider withdrew an approval before it ran out. */
  REVOKED,
  /** 已到期: the granted period is over. */
  EXPIRED;

  /** Whether nothing can happen to the application any more. */
  public boolean isFinal() {
    return this == REFUSED || this == REVOKED || this == EXPIRED;
  }
}
