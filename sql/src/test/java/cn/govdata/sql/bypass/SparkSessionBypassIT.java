package cn.govdata.sql.bypass;

import cn.govdata.sql.Gateway;
import cn.govdata.sql.GatewaySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CurrentUserContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The bypass list against the gateway's Spark session in this JVM, one Spark session per user as
 * the thrift server keeps one per connection; the session user is set as the thrift server sets it.
 */
class SparkSessionBypassIT extends BypassSuite {

  private SparkSession spark;
  private final Map<String, SparkSession> sessions = new HashMap<>();

  @BeforeAll
  void startSpark() throws Exception {
    Path home = Files.createTempDirectory("govdata-sql-session");
    spark = Gateway.session(home, new GatewaySettings("127.0.0.1", 10000), "local[2]");
    Gateway.loadDemo(spark, home, PERSONS);
  }

  @AfterAll
  void stopSpark() {
    spark.stop();
    cn.govdata.sql.GatewayRuntime.reset();
  }

  @Override
  List<List<Object>> query(String user, String sql) {
    SparkSession session = sessions.computeIfAbsent(user, u -> spark.newSession());
    CurrentUserContext.CURRENT_USER().set(user);
    try {
      return rows(session.sql(sql).collectAsList());
    } finally {
      CurrentUserContext.CURRENT_USER().remove();
    }
  }

  @Override
  void execute(String user, String sql) {
    query(user, sql);
  }
}
