package cn.govdata.pipelines.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkModelTest {

  @Test
  void jaroWinklerAndLevenshteinMatchTheirTextbookValues() {
    assertThat(Similarity.jaroWinkler("MARTHA", "MARHTA")).isCloseTo(0.961, within());
    assertThat(Similarity.jaroWinkler("DIXON", "DICKSONX")).isCloseTo(0.813, within());
    assertThat(Similarity.jaroWinkler("abc", "xyz")).isZero();
    assertThat(Similarity.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(Similarity.levenshtein("", "abc")).isEqualTo(3);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.001);
  }

  @Test
  void homophonesShareTheirPinyin() {
    assertThat(Similarity.pinyin("张丽华")).isEqualTo("zhang li hua");
    assertThat(Similarity.pinyin("张莉华")).isEqualTo(Similarity.pinyin("张丽华"));
    assertThat(Similarity.pinyin("anna")).isEqualTo("anna");
  }

  @Test
  void comparisonLevelsGoFromExactToDisagreeAndMissingCarriesNoEvidence() {
    Comparison name = new Comparison("name", Comparison.Method.PINYIN, List.of(0.9));
    assertThat(name.levels()).isEqualTo(4);
    assertThat(name.level("张丽华", "张丽华")).isZero();
    assertThat(name.level("张丽华", "张莉华")).isEqualTo(1);
    assertThat(name.level("张丽华", "王建国")).isEqualTo(3);
    assertThat(name.level(null, "王建国")).isEqualTo(-1);

    Comparison birth = new Comparison("birth", Comparison.Method.DATE, List.of(1.0, 40.0));
    assertThat(birth.level("1985-03-12", "1985-03-13")).isEqualTo(1);
    assertThat(birth.level("1985-03-12", "1985-12-03")).isEqualTo(1);
    assertThat(birth.level("1985-03-12", "1985-04-10")).isEqualTo(2);
    assertThat(birth.level("1985-03-12", "1990-01-01")).isEqualTo(3);

    Comparison amount = new Comparison("capital", Comparison.Method.NUMERIC, List.of(0.01));
    assertThat(amount.level("100", "100.5")).isEqualTo(1);
    assertThat(amount.level("100", "150")).isEqualTo(2);
  }

  @Test
  void emSeparatesMatchesFromNonMatchesWithoutLabels() {
    // two comparisons, levels 0 (agree) and 1 (disagree); u from random pairs: agreement rare
    double[][] u = FellegiSunter.uFromRandomPairs(new long[][] {{10, 9990}, {50, 9950}});
    List<FellegiSunter.Pattern> patterns = new ArrayList<>();
    // 900 matches mostly agreeing on both, 600 non-matches mostly disagreeing
    patterns.add(new FellegiSunter.Pattern(new int[] {0, 0}, 810 + 1));
    patterns.add(new FellegiSunter.Pattern(new int[] {0, 1}, 90 + 3));
    patterns.add(new FellegiSunter.Pattern(new int[] {1, 0}, 30 + 30));
    patterns.add(new FellegiSunter.Pattern(new int[] {1, 1}, 3 + 566));
    FellegiSunter model = FellegiSunter.estimate(patterns, u, 100, 1_533);
    assertThat(model.lambda()).isBetween(0.55, 0.7);
    assertThat(model.m(0, 0)).isGreaterThan(0.85);
    assertThat(model.probability(new int[] {0, 0})).isGreaterThan(0.99);
    assertThat(model.probability(new int[] {1, 1})).isLessThan(0.05);
    assertThat(model.probability(new int[] {-1, 0}))
        .isBetween(model.probability(new int[] {1, 0}), model.probability(new int[] {0, 0}));
  }

  @Test
  void pairsBlockingNeverProposedLowerThePriorAndDecidedPairsTeachM() {
    double[][] u = FellegiSunter.uFromRandomPairs(new long[][] {{10, 9990}, {50, 9950}});
    List<FellegiSunter.Pattern> patterns =
        List.of(
            // decided matches (same identifier) that disagree on the second field one time in ten
            new FellegiSunter.Pattern(new int[] {0, 0}, 900, FellegiSunter.Decision.MATCH),
            new FellegiSunter.Pattern(new int[] {0, 1}, 100, FellegiSunter.Decision.MATCH),
            new FellegiSunter.Pattern(new int[] {1, 1}, 50, FellegiSunter.Decision.OPEN));
    FellegiSunter model = FellegiSunter.estimate(patterns, u, 100, 1_000_000);
    assertThat(model.lambda()).isBetween(0.0009, 0.0011);
    assertThat(model.m(1, 1)).isBetween(0.08, 0.12);
    assertThat(model.probability(new int[] {1, 1})).isLessThan(1e-4);
  }

  @Test
  void unionFindLabelsComponentsByTheirSmallestMember() {
    UnionFind components = new UnionFind(6);
    components.union(4, 1);
    components.union(1, 3);
    components.union(5, 2);
    assertThat(components.components()).containsExactly(0, 1, 2, 1, 1, 2);
  }

  @Test
  void configErrorsNameTheSetting() {
    String yaml =
        """
        record_id: id
        blocking: [[name]]
        comparisons:
          - {field: name, method: soundex}
        """;
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(LinkConfigException.class)
        .hasMessageContaining("comparisons.name.method")
        .hasMessageContaining("soundex");
    assertThatThrownBy(() -> read("record_id: id\ncomparisons: [{field: a, method: exact}]\n"))
        .hasMessageContaining("blocking");
    assertThatThrownBy(
            () ->
                read(
                    "record_id: id\nblocking: [a]\nthreshold: 2\ncomparisons: [{field: a, method: exact}]\n"))
        .hasMessageContaining("threshold");
  }

  @Test
  void deterministicFieldsAlwaysBlock() {
    LinkConfig config =
        read(
            """
            record_id: id
            deterministic: [code]
            blocking: [[name, birth]]
            comparisons: [{field: name, method: jaro_winkler, thresholds: [0.9]}]
            """);
    assertThat(config.blocking()).containsExactly(List.of("name", "birth"), List.of("code"));
    assertThat(config.usedColumns()).containsExactly("name", "birth", "code");
  }

  private static LinkConfig read(String yaml) {
    return LinkConfig.read(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }
}
