package cn.govdata.governance.directory;

/**
 * The lifecycle of a directory entry: draft → submitted → approved or returned → published →
 * retired.
 */
public enum LifecycleStatus implements Labelled {
  /** 草稿 */
  DRAFT("草稿", "Draft"),
  /** 待审核 */
  SUBMITTED("待审核", "Submitted"),
  /** 已退回 */
  RETURNED("已退回", "Returned"),
  /** 已审核 */
  APPROVED("已审核", "Approved"),
  /** 已发布 */
  PUBLISHED("已发布", "Published"),
  /** 已下线 */
  RETIRED("已下线", "Retired");

  private final String chinese;
  private final String english;

  LifecycleStatus(String chinese, String english) {
    this.chinese = chinese;
    this.english = english;
  }

  @Override
  public String chinese() {
    return chinese;
  }

  @Override
  public String english() {
    return english;
  }

  /** Whether the lifecycle allows moving from this status to {@code next}. */
  public boolean canMoveTo(LifecycleStatus next) {
    return switch (this) {
      case DRAFT, RETURNED -> next == SUBMITTED;
      case SUBMITTED -> next == APPROVED || next == RETURNED;
      case APPROVED -> next == PUBLISHED || next == RETURNED;
      case PUBLISHED -> next == RETIRED;
      case RETIRED -> false;
    };
  }

  /** Whether a cataloguer may still change the entry's content in this status. */
  public boolean isEditable() {
    return this == DRAFT || this == RETURNED;
  }

  /** Whether the entry appears in the shared and open lists. */
  public boolean isListed() {
    return this == PUBLISHED;
  }
}
