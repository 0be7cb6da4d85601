package cn.govdata.governance.exchange;

import cn.govdata.governance.validation.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column of the delivered data.
 *
 * @param name the column name as delivered
 * @param type the column type as the source table declares it, e.g. {@code string}, {@code
 *     decimal(18,2)}
 */
public record ManifestField(String name, String type) {

  public ManifestField {
    name = Checks.requiredText(name, "name", 128);
    type = Checks.requiredText(type, "type", 128);
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("type", type);
    return json;
  }

  static ManifestField fromJson(JsonFields json) {
    return new ManifestField(json.string("name"), json.string("type"));
  }
}
