package cn.govdata.catalog.importing;

import cn.govdata.catalog.GovdataProperties;
import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.directory.DirectoryService;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.directory.DirectoryRules;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.form.DirectoryForm;
import cn.govdata.governance.form.DirectoryFormReport;
import cn.govdata.governance.form.FormFormat;
import cn.govdata.governance.form.FormLimits;
import cn.govdata.governance.form.FormRow;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Bulk import of a department's directory form (xlsx or CSV). Every row is checked first; only a
 * file without a single error is stored, in one transaction, as drafts of the department.
 */
@Service
public class ImportService {

  private final DirectoryService directory;
  private final DepartmentRepository departments;
  private final DirectoryRules rules;
  private final FormLimits limits;

  ImportService(
      DirectoryService directory,
      DepartmentRepository departments,
      DirectoryRules rules,
      GovdataProperties properties) {
    this.directory = directory;
    this.departments = departments;
    this.rules = rules;
    this.limits =
        new FormLimits(
            properties.imports().maxFileSize().toBytes(), properties.imports().maxRows());
  }

  /** The department the caller imports for: a cataloguer's own, or the one an admin names. */
  Department departmentOf(Caller caller, Long requested) {
    if (caller.is(Role.CATALOGUER)) {
      if (requested != null && !Objects.equals(requested, caller.departmentId())) {
        throw ApiException.forbidden(
            "department.isolation", "a cataloguer imports only its own department's directory");
      }
      return departments.find(caller.departmentId()).orElseThrow();
    }
    if (!caller.is(Role.GOVERNANCE_ADMIN)) {
      throw ApiException.forbidden(
          "role.cataloguer", "only cataloguers and administrators import directory forms");
    }
    if (requested == null) {
      throw new InvalidFieldException(
          "department", "required", "an administrator names the department to import for");
    }
    return departments
        .find(requested)
        .orElseThrow(
            () ->
                new InvalidFieldException(
                    "department", "department.unknown", "there is no department " + requested));
  }

  long maxBytes() {
    return limits.maxBytes();
  }

  /** Reads and checks the form; stores its entries only when every row is valid. */
  ImportReport importForm(Caller caller, Department department, InputStream in, FormFormat format) {
    DirectoryFormReport form = DirectoryForm.read(in, format, limits, rules);
    List<ImportReport.RowReport> rows = new ArrayList<>();
    List<InformationResource> resources = new ArrayList<>();
    for (FormRow row : form.rows()) {
      List<FieldViolation> violations = new ArrayList<>(row.violations());
      if (row.resource() != null) {
        violations.addAll(belongsTo(row.resource(), department));
        resources.add(row.resource());
      }
      rows.add(new ImportReport.RowReport(row.rowNumber(), null, null, violations));
    }
    long errors = rows.stream().filter(r -> !r.violations().isEmpty()).count();
    if (errors > 0 || !form.fileErrors().isEmpty()) {
      return new ImportReport(
          false,
          errors
              + " of "
              + rows.size()
              + " rows have errors"
              + (form.fileErrors().isEmpty() ? "" : " and the file has errors")
              + "; nothing was stored. Correct the rows and upload the whole file again.",
          rows,
          form.fileErrors());
    }
    List<Entry> stored = directory.importDrafts(caller, department, resources);
    List<ImportReport.RowReport> done = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Entry entry = stored.get(i);
      done.add(
          new ImportReport.RowReport(
              rows.get(i).row(), entry.id(), entry.code().toString(), List.of()));
    }
    return new ImportReport(
        true,
        stored.size() + " entries were stored as drafts of " + department.name(),
        done,
        List.of());
  }

  private static List<FieldViolation> belongsTo(
      InformationResource resource, Department department) {
    List<FieldViolation> violations = new ArrayList<>();
    if (!resource.provider().creditCode().equals(department.creditCode())) {
      violations.add(
          new FieldViolation(
              "provider.creditCode",
              "import.department",
              "提供方代码 "
                  + resource.provider().creditCode()
                  + " is not the credit code of "
                  + department.name()
                  + " ("
                  + department.creditCode()
                  + "); a department imports only its own entries"));
    }
    if (resource.code() != null) {
      violations.add(
          new FieldViolation(
              "code",
              "import.code-assigned",
              "leave 信息资源代码 empty: the directory assigns codes on import"));
    }
    return violations;
  }
}
