package cn.govdata.sql.policy;

/** Where access decisions go; every decision the enforcer takes is recorded here first. */
public interface DecisionAudit extends AutoCloseable {

  void record(AuditEvent event);

  @Override
  default void close() {}
}
