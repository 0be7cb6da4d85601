package cn.govdata.catalog.security;

/** What a signed-in user does on the platform; the public has no role and is anonymous. */
public enum Role {
  /** 治理管理员: manages departments, users, open batches; may do everything */
  GOVERNANCE_ADMIN,
  /** 目录编目员: catalogues the entries of one department */
  CATALOGUER,
  /** 审核员: approves or returns submitted entries and publishes approved ones */
  REVIEWER,
  /** 开发者: calls the data APIs with an API key */
  DEVELOPER,
  /**
   * 前置交换节点: the exchange agent of one department, which asks which subscriptions are due and
   * reports the state of each delivery (docs/federation.md)
   */
  EXCHANGE_AGENT,
  /**
   * 策略读取: a service identity, the SQL gateway, that polls the compiled Ranger policies ({@code GET
   * /api/v1/policies/ranger}) with an API key and may do nothing else (docs/sql-gateway.md)
   */
  POLICY_READER
}
