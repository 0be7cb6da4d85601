package cn.govdata.catalog.searchindex;

import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.security.Caller;
import cn.govdata.search.Viewer;
import org.springframework.stereotype.Component;

/**
 * Decides which lists a caller searches: the public and developers the open list (开放清单); staff also
 * the shared list (共享清单), a cataloguer as their department.
 */
@Component
public class Viewers {

  /** Reviewers and administrators search as the platform, not as a department. */
  static final String PLATFORM = "platform";

  private final DepartmentRepository departments;

  Viewers(DepartmentRepository departments) {
    this.departments = departments;
  }

  public Viewer of(Caller caller) {
    if (!caller.isStaff()) {
      return Viewer.PUBLIC;
    }
    if (caller.departmentId() == null) {
      return Viewer.department(PLATFORM);
    }
    return departments
        .find(caller.departmentId())
        .map(Department::creditCode)
        .map(Viewer::department)
        .orElse(Viewer.PUBLIC);
  }
}
