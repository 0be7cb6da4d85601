package cn.govdata.catalog.department;

import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.ProviderDepartment;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DepartmentRepository {

  private static final String SELECT =
      "SELECT id, name, credit_code, region_code, admin_level FROM department";
  private static final RowMapper<Department> DEPARTMENT =
      (rs, n) ->
          new Department(
              rs.getLong("id"),
              rs.getString("name"),
              rs.getString("credit_code"),
              rs.getString("region_code"),
              AdministrativeLevel.valueOf(rs.getString("admin_level")));

  private final JdbcClient jdbc;

  DepartmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Department create(ProviderDepartment department) {
    jdbc.sql(
            "INSERT INTO department (name, credit_code, region_code, admin_level, created_at)"
                + " VALUES (:name, :code, :region, :level, :now)")
        .param("name", department.name())
        .param("code", department.creditCode())
        .param("region", department.regionCode())
        .param("level", department.level().name())
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    return findByCreditCode(department.creditCode()).orElseThrow();
  }

  public Optional<Department> find(long id) {
    return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(DEPARTMENT).optional();
  }

  public Optional<Department> findByCreditCode(String creditCode) {
    return jdbc.sql(SELECT + " WHERE credit_code = :code")
        .param("code", creditCode)
        .query(DEPARTMENT)
        .optional();
  }

  public List<Department> list() {
    return jdbc.sql(SELECT + " ORDER BY id").query(DEPARTMENT).list();
  }
}
