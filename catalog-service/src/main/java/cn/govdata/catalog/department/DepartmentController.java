package cn.govdata.catalog.department;

import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.directory.DirectoryRules;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.validation.InvalidFieldException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Departments at province, city and county level; staff read them, administrators add them. */
@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "departments")
class DepartmentController {

  private final DepartmentRepository departments;
  private final DirectoryRules rules;

  DepartmentController(DepartmentRepository departments, DirectoryRules rules) {
    this.departments = departments;
    this.rules = rules;
  }

  @GetMapping
  List<Department> list() {
    return departments.list();
  }

  @GetMapping("/{id}")
  Department get(@PathVariable long id) {
    return departments.find(id).orElseThrow(() -> ApiException.notFound("department", id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Department create(
      @Parameter(hidden = true) Caller caller, @RequestBody ProviderDepartment department) {
    if (!caller.is(Role.GOVERNANCE_ADMIN)) {
      throw ApiException.forbidden(
          "role.required", "only a governance administrator adds departments");
    }
    var violations = rules.check(department);
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
    return departments.create(department);
  }
}
