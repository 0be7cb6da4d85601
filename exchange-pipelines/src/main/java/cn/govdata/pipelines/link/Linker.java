package cn.govdata.pipelines.link;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The configuration-driven linkage engine: blocking rules unioned into candidate pairs, comparison
 * levels per pair, a Fellegi-Sunter model estimated without labels, deterministic rules on top, and
 * clusters as connected components of the linked pairs. Input is any table with the configured
 * columns; the engine receives its Spark session.
 */
public final class Linker {

  public static final String RECORD_NUMBER = "_rid";

  private final SparkSession spark;
  private final LinkConfig config;
  private final Consumer<String> progress;

  public Linker(SparkSession spark, LinkConfig config, Consumer<String> progress) {
    this.spark = spark;
    this.config = config;
    this.progress = progress;
  }

  /**
   * Adds the configured fields, each standardised from the first of its input columns that the
   * table has; a field none of whose columns exist is an error naming the field and the columns.
   */
  public Dataset<Row> prepare(Dataset<Row> input, LocalDate today) {
    Set<String> present = Set.of(input.columns());
    Dataset<Row> prepared = input;
    for (LinkConfig.Field field : config.fields()) {
      String column = field.from().stream().filter(present::contains).findFirst().orElse(null);
      if (column == null && field.optional()) {
        prepared = prepared.withColumn(field.name(), lit(null).cast("string"));
        continue;
      }
      if (column == null) {
        throw new LinkConfigException(
            "fields." + field.name(),
            "none of the columns " + field.from() + " is in the input " + present);
      }
      UserDefinedFunction function =
          udf(Standardisers.named(field.standardise(), today), DataTypes.StringType);
      prepared = prepared.withColumn(field.name(), function.apply(col(column).cast("string")));
    }
    return prepared;
  }

  public LinkResult link(Dataset<Row> prepared) {
    List<String> missing = new ArrayList<>();
    Set<String> present = Set.of(prepared.columns());
    List<String> needed = new ArrayList<>(config.usedColumns());
    needed.add(config.recordId());
    if (config.source() != null) {
      needed.add(config.source());
    }
    for (String column : needed) {
      if (!present.contains(column)) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      throw new LinkConfigException(
          "columns",
          "the input lacks " + missing + "; it has " + Arrays.toString(prepared.columns()));
    }
    Dataset<Row> records = number(prepared.select(columns(needed)));
    records.persist(StorageLevel.MEMORY_AND_DISK());
    long recordCount = records.count();
    progress.accept(String.format("linking %,d records", recordCount));

    List<Long> pairsPerRule = new ArrayList<>();
    long[] oversized = new long[1];
    Dataset<Row> candidates = null;
    for (List<String> rule : config.blocking()) {
      Dataset<Row> rulePairs = block(records, rule, oversized);
      rulePairs.persist(StorageLevel.MEMORY_AND_DISK());
      pairsPerRule.add(rulePairs.count());
      candidates = candidates == null ? rulePairs : candidates.union(rulePairs);
    }
    Dataset<Row> pairs = candidates.distinct();
    pairs.persist(StorageLevel.MEMORY_AND_DISK());
    long candidateCount = pairs.count();
    progress.accept(
        String.format(
            "%,d candidate pairs (%.1f per record) from rules %s",
            candidateCount, (double) candidateCount / Math.max(1, recordCount), pairsPerRule));

    Dataset<Row> compared = compare(pairs, records);
    compared.persist(StorageLevel.MEMORY_AND_DISK());
    double allPairs = (double) recordCount * (recordCount - 1) / 2;
    FellegiSunter model =
        FellegiSunter.estimate(
            patterns(compared, true),
            estimateU(records, recordCount),
            config.iterations(),
            Math.max(allPairs, candidateCount));
    progress.accept(
        String.format(
            "model estimated in %d EM iterations, prior match probability per pair %.2e",
            model.iterations(), model.lambda()));

    Dataset<Row> scored = score(compared, model);
    scored.persist(StorageLevel.MEMORY_AND_DISK());
    int[] labels = cluster(scored, (int) recordCount);
    Dataset<Row> clusters = label(records, labels);
    long matched = scored.filter(col("matched")).count();
    long deterministic = scored.filter(col("deterministic")).count();
    long clusterCount = Arrays.stream(labels).distinct().count();
    progress.accept(String.format("%,d linked pairs, %,d entities", matched, clusterCount));
    return new LinkResult(
        clusters,
        scored,
        new LinkResult.Statistics(
            recordCount,
            candidateCount,
            pairsPerRule,
            oversized[0],
            matched,
            deterministic,
            clusterCount,
            model.lambda(),
            model.iterations(),
            describe(model)));
  }

  private static Column[] columns(List<String> names) {
    return names.stream()
        .distinct()
        .map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
  }

  /** Dense record numbers 0..n-1, so that clustering can work on plain arrays. */
  private Dataset<Row> number(Dataset<Row> input) {
    StructType schema = input.schema().add(RECORD_NUMBER, DataTypes.IntegerType, false);
    JavaRDD<Row> rows =
        input
            .javaRDD()
            .zipWithIndex()
            .map(
                pair -> {
                  Row row = pair._1();
                  Object[] values = new Object[row.size() + 1];
                  for (int i = 0; i < row.size(); i++) {
                    values[i] = row.get(i);
                  }
                  values[row.size()] = pair._2().intValue();
                  return RowFactory.create(values);
                });
    return spark.createDataFrame(rows, schema);
  }

  private Dataset<Row> block(Dataset<Row> records, List<String> rule, long[] oversized) {
    Column present = lit(true);
    for (String column : rule) {
      present = present.and(col(column).isNotNull()).and(col(column).cast("string").notEqual(""));
    }
    Dataset<Row> keyed = records.filter(present).select(columns(withNumber(rule)));
    Dataset<Row> sizes = keyed.groupBy(columns(rule)).count();
    sizes.persist(StorageLevel.MEMORY_AND_DISK());
    oversized[0] += sizes.filter(col("count").gt(config.maxBlockSize())).count();
    Dataset<Row> kept =
        keyed.join(sizes.filter(col("count").leq(config.maxBlockSize())).drop("count"), seq(rule));
    Dataset<Row> left = kept.toDF(renamed(kept.columns(), "l_"));
    Dataset<Row> right = kept.toDF(renamed(kept.columns(), "r_"));
    Column condition = col("l_" + RECORD_NUMBER).lt(col("r_" + RECORD_NUMBER));
    for (String column : rule) {
      condition = condition.and(col("l_" + column).equalTo(col("r_" + column)));
    }
    Dataset<Row> pairs =
        left.join(right, condition)
            .select(col("l_" + RECORD_NUMBER).as("a"), col("r_" + RECORD_NUMBER).as("b"));
    sizes.unpersist();
    return pairs;
  }

  private static List<String> withNumber(List<String> rule) {
    List<String> columns = new ArrayList<>(rule);
    columns.add(RECORD_NUMBER);
    return columns;
  }

  private static String[] renamed(String[] columns, String prefix) {
    return Arrays.stream(columns).map(c -> prefix + c).toArray(String[]::new);
  }

  private static Seq<String> seq(List<String> values) {
    return JavaConverters.asScalaBuffer(values).toSeq();
  }

  /** Comparison levels for each pair, in columns g0..gk, and the deterministic flag. */
  private Dataset<Row> compare(Dataset<Row> pairs, Dataset<Row> records) {
    List<String> fields = new ArrayList<>();
    config.comparisons().forEach(c -> fields.add(c.field()));
    fields.addAll(config.deterministic());
    fields.addAll(config.exclusive());
    List<String> distinct = fields.stream().distinct().toList();
    Dataset<Row> values = records.select(columns(withNumber(distinct)));
    Dataset<Row> left = values.toDF(renamed(values.columns(), "l_"));
    Dataset<Row> right = values.toDF(renamed(values.columns(), "r_"));
    Dataset<Row> joined =
        pairs
            .join(left, col("a").equalTo(col("l_" + RECORD_NUMBER)))
            .join(right, col("b").equalTo(col("r_" + RECORD_NUMBER)));
    List<Column> output = new ArrayList<>(List.of(col("a"), col("b")));
    for (int k = 0; k < config.comparisons().size(); k++) {
      Comparison comparison = config.comparisons().get(k);
      UserDefinedFunction level =
          udf((UDF2<String, String, Integer>) comparison::level, DataTypes.IntegerType);
      output.add(
          level
              .apply(
                  col("l_" + comparison.field()).cast("string"),
                  col("r_" + comparison.field()).cast("string"))
              .as("g" + k));
    }
    Column deterministic = lit(false);
    for (String field : config.deterministic()) {
      deterministic =
          deterministic.or(
              col("l_" + field).isNotNull().and(col("l_" + field).eqNullSafe(col("r_" + field))));
    }
    output.add(deterministic.as("deterministic"));
    Column exclusive = lit(false);
    for (String field : config.exclusive()) {
      exclusive =
          exclusive.or(
              col("l_" + field)
                  .isNotNull()
                  .and(col("r_" + field).isNotNull())
                  .and(col("l_" + field).notEqual(col("r_" + field))));
    }
    output.add(exclusive.as("exclusive"));
    return joined.select(output.toArray(Column[]::new));
  }

  private Column[] levelColumns() {
    Column[] levels = new Column[config.comparisons().size()];
    for (int k = 0; k < levels.length; k++) {
      levels[k] = col("g" + k);
    }
    return levels;
  }

  private List<FellegiSunter.Pattern> patterns(Dataset<Row> compared, boolean withDecisions) {
    int comparisons = config.comparisons().size();
    List<Column> groups = new ArrayList<>(List.of(levelColumns()));
    groups.add(withDecisions ? col("deterministic") : lit(false).as("deterministic"));
    groups.add(withDecisions ? col("exclusive") : lit(false).as("exclusive"));
    List<FellegiSunter.Pattern> patterns = new ArrayList<>();
    for (Row row : compared.groupBy(groups.toArray(Column[]::new)).count().collectAsList()) {
      int[] levels = new int[comparisons];
      for (int k = 0; k < comparisons; k++) {
        levels[k] = row.getInt(k);
      }
      FellegiSunter.Decision decision =
          row.getBoolean(comparisons)
              ? FellegiSunter.Decision.MATCH
              : row.getBoolean(comparisons + 1)
                  ? FellegiSunter.Decision.NON_MATCH
                  : FellegiSunter.Decision.OPEN;
      patterns.add(new FellegiSunter.Pattern(levels, row.getLong(comparisons + 2), decision));
    }
    return patterns;
  }

  /** u probabilities from random record pairs, which are almost all non-matches. */
  private double[][] estimateU(Dataset<Row> records, long recordCount) {
    int side = (int) Math.ceil(Math.sqrt(config.randomPairs()));
    double fraction = Math.min(1.0, 1.5 * side / Math.max(1, recordCount));
    Dataset<Row> first = records.sample(fraction, 17).limit(side);
    Dataset<Row> second = records.sample(fraction, 29).limit(side);
    Dataset<Row> randomPairs =
        first
            .select(col(RECORD_NUMBER).as("a"))
            .crossJoin(second.select(col(RECORD_NUMBER).as("b")))
            .filter(col("a").notEqual(col("b")));
    Dataset<Row> compared = compare(randomPairs, records);
    long[][] counts = new long[config.comparisons().size()][];
    for (int k = 0; k < counts.length; k++) {
      counts[k] = new long[config.comparisons().get(k).levels()];
    }
    for (FellegiSunter.Pattern pattern : patterns(compared, false)) {
      for (int k = 0; k < counts.length; k++) {
        if (pattern.levels()[k] >= 0) {
          counts[k][pattern.levels()[k]] += pattern.count();
        }
      }
    }
    return FellegiSunter.uFromRandomPairs(counts);
  }

  private Dataset<Row> score(Dataset<Row> compared, FellegiSunter model) {
    int comparisons = config.comparisons().size();
    UserDefinedFunction probability =
        udf(
            (UDF1<Seq<Integer>, Double>)
                levels -> {
                  int[] values = new int[comparisons];
                  for (int k = 0; k < comparisons; k++) {
                    values[k] = levels.apply(k);
                  }
                  return model.probability(values);
                },
            DataTypes.DoubleType);
    return compared
        .withColumn("probability", probability.apply(array(levelColumns())))
        .withColumn("matched", col("deterministic").or(col("probability").geq(config.threshold())));
  }

  private int[] cluster(Dataset<Row> scored, int recordCount) {
    UnionFind components = new UnionFind(recordCount);
    Iterator<int[]> edges =
        scored
            .filter(col("matched"))
            .select("a", "b")
            .map(
                (MapFunction<Row, int[]>) row -> new int[] {row.getInt(0), row.getInt(1)},
                Encoders.javaSerialization(int[].class))
            .toLocalIterator();
    while (edges.hasNext()) {
      int[] edge = edges.next();
      components.union(edge[0], edge[1]);
    }
    return components.components();
  }

  private Dataset<Row> label(Dataset<Row> records, int[] labels) {
    Broadcast<int[]> broadcast =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(labels);
    UserDefinedFunction clusterOf =
        udf(
            (UDF1<Integer, String>) number -> String.format("E%09d", broadcast.value()[number] + 1),
            DataTypes.StringType);
    List<Column> output = new ArrayList<>();
    if (config.source() != null) {
      output.add(col(config.source()).as("source"));
    }
    output.add(col(config.recordId()).as("record_id"));
    output.add(clusterOf.apply(col(RECORD_NUMBER)).as("cluster_id"));
    output.add(col(RECORD_NUMBER));
    return records.select(output.toArray(Column[]::new));
  }

  private List<String> describe(FellegiSunter model) {
    List<String> lines = new ArrayList<>();
    for (int k = 0; k < model.comparisons(); k++) {
      Comparison comparison = config.comparisons().get(k);
      StringBuilder line =
          new StringBuilder(
              comparison.field()
                  + " ("
                  + comparison.method().name().toLowerCase(Locale.ROOT)
                  + "):");
      for (int level = 0; level < model.levels(k); level++) {
        line.append(
            String.format(
                " L%d m=%.4f u=%.4f w=%.2f",
                level,
                model.m(k, level),
                model.u(k, level),
                Math.log(model.m(k, level) / model.u(k, level)) / Math.log(2)));
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
