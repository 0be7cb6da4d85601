package cn.govdata.sql.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The audit as a JSON-lines file: one decision per line, appended and flushed as it is taken, so
 * the platform (and an auditor with {@code jq}) reads it while the gateway runs.
 */
public final class JsonLinesAudit implements DecisionAudit {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedWriter out;

  public JsonLinesAudit(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      this.out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit file " + file, e);
    }
  }

  @Override
  public synchronized void record(AuditEvent event) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", event.time().toString());
    line.put("user", event.user());
    line.putPOJO("groups", event.groups());
    line.put("resource", event.resource());
    line.put("access", event.access());
    line.put("kind", event.kind());
    line.put("allowed", event.allowed());
    line.put("policyId", event.policyId());
    if (event.detail() != null) {
      line.put("detail", event.detail());
    }
    try {
      out.write(JSON.writeValueAsString(line));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      // An access that cannot be audited must not happen: the caller's query fails.
      throw new UncheckedIOException("cannot write the audit", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
