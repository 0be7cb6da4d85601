package cn.govdata.governance.directory;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;

/**
 * 共享属性: share type, conditions, legal basis and method.
 *
 * @param type 共享类型
 * @param conditions 共享条件, required for {@link ShareType#CONDITIONAL}
 * @param legalBasis the law, regulation or policy that forbids sharing, required for {@link
 *     ShareType#NOT_SHARED}
 * @param method 共享方式, required unless the resource is not shared
 */
public record ShareAttribute(
    ShareType type, String conditions, String legalBasis, ShareMethod method) {

  public ShareAttribute {
    Checks.required(type, "type");
    conditions = Checks.optionalText(conditions, "conditions", 1000);
    legalBasis = Checks.optionalText(legalBasis, "legalBasis", 1000);
    if (type == ShareType.CONDITIONAL && conditions == null) {
      throw new InvalidFieldException(
          "conditions", "share.conditions-required", "有条件共享 requires the conditions to be stated");
    }
    if (type == ShareType.NOT_SHARED && legalBasis == null) {
      throw new InvalidFieldException(
          "legalBasis",
          "share.legal-basis-required",
          "不予共享 requires the law, regulation or policy that forbids sharing");
    }
    if (type != ShareType.NOT_SHARED && method == null) {
      throw new InvalidFieldException(
          "method", "share.method-required", "a shared resource needs a share method (共享方式)");
    }
  }
}
