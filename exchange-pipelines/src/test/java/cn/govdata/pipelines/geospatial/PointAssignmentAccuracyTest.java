package cn.govdata.pipelines.geospatial;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.pipelines.generate.PointGenerator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Division assignment measured against the point generator's truth, per kind of point. */
class PointAssignmentAccuracyTest {

  @TempDir Path directory;

  @Test
  void generatedServiceLocationsAreAssignedToTheirTrueCity() throws IOException {
    PointGenerator.Summary summary = new PointGenerator(20_251_126L, 4_000).write(directory);
    assertThat(summary.points()).isEqualTo(4_000);

    Map<String, String[]> truth = new HashMap<>();
    for (CSVRecord row : csv(directory.resolve("points_truth.csv"))) {
      truth.put(row.get("id"), new String[] {row.get("division_code"), row.get("kind")});
    }
    Map<String, int[]> byKind = new HashMap<>(); // kind → {right, total}
    DivisionAssigner assigner = DivisionAssigner.guangdong();
    for (CSVRecord row : csv(directory.resolve("points.csv"))) {
      DivisionAssigner.Assignment assignment =
          assigner.assign(row.get("lon"), row.get("lat"), row.get("crs"), row.get("address"));
      String[] expected = truth.get(row.get("id"));
      String expectedCity = expected[0].isEmpty() ? null : expected[0];
      int[] counts = byKind.computeIfAbsent(expected[1], k -> new int[2]);
      counts[0] += Objects.equals(assignment.cityCode(), expectedCity) ? 1 : 0;
      counts[1]++;
    }
    int right = byKind.values().stream().mapToInt(c -> c[0]).sum();
    double accuracy = (double) right / summary.points();
    byKind.forEach((kind, c) -> System.out.printf("%-12s %5d of %5d right%n", kind, c[0], c[1]));
    System.out.printf("accuracy %.4f%n", accuracy);

    // exact conversions and the index make every correctly labelled point right
    for (String kind : new String[] {"wgs84", "cgcs2000", "bd09", "sea", "address"}) {
      assertThat(byKind.get(kind)[0]).as(kind).isEqualTo(byKind.get(kind)[1]);
    }
    // GPS noise (15 m) and mislabelled frames (≈ 500 m) cost points near borders only
    assertThat((double) byKind.get("gcj02")[0] / byKind.get("gcj02")[1]).isGreaterThan(0.995);
    assertThat((double) byKind.get("mislabelled")[0] / byKind.get("mislabelled")[1])
        .isGreaterThan(0.9);
    assertThat(accuracy).isGreaterThan(0.99);
  }

  private static Iterable<CSVRecord> csv(Path file) throws IOException {
    Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
  }
}
