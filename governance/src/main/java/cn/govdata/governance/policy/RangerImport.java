package cn.govdata.governance.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranger Admin's policy export/import JSON ({@code metaDataInfo} and {@code policies}), the file a
 * zone running Ranger Admin imports and the platform's own policy source reads.
 */
public final class RangerImport {

  /** The service definition of the platform, in Ranger's service-def JSON format. */
  public static final String SERVICE_DEFINITION =
      "/cn/govdata/governance/policy/ranger-servicedef-govdata.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RangerImport() {}

  /** The export document for {@code policies}, stamped with {@code exportTime}. */
  public static String toJson(List<CompiledPolicy> policies, Instant exportTime) {
    Map<String, Object> metaData = new LinkedHashMap<>();
    metaData.put("Host name", "govdata");
    metaData.put("Exported by", "govdata policy compiler");
    metaData.put("Export time", exportTime.toString());
    metaData.put("Ranger apache version", "2.6.0");
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("metaDataInfo", metaData);
    document.put("policies", policies);
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("compiled policies are plain records", e);
    }
  }

  /** The platform's service definition JSON, from the classpath. */
  public static String serviceDefinitionJson() {
    try (InputStream in = RangerImport.class.getResourceAsStream(SERVICE_DEFINITION)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SERVICE_DEFINITION);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
