package cn.govdata.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class ChineseAnalysisTest {

  @Test
  void chineseAnalyzerSegmentsWordsAndFoldsTraditionalCharacters() throws IOException {
    Analyzer analyzer = new ChineseAnalyzerFactory().create();

    assertThat(terms(analyzer, "广东省人口基础数据库")).containsExactly("广东省", "人口", "基础", "数据库");
    assertThat(terms(analyzer, "廣東省人口數據")).isEqualTo(terms(analyzer, "广东省人口数据"));
  }

  @Test
  void chineseAnalyzerDropsPunctuationAndLowerCases() throws IOException {
    Analyzer analyzer = new ChineseAnalyzerFactory().create();

    assertThat(terms(analyzer, "人口（数据）、API接口！")).containsExactly("人口", "数据", "api", "接口");
  }

  @Test
  void foldingKeepsOffsetsOfTheOriginalText() throws IOException {
    Analyzer analyzer = new ChineseAnalyzerFactory().create();
    List<int[]> offsets = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", "人口數據")) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
      }
      stream.end();
    }
    assertThat(offsets).containsExactly(new int[] {0, 2}, new int[] {2, 4});
  }

  @Test
  void bigramAnalyzerFindsTwoCharacterWordsInsideLongerWords() throws IOException {
    Analyzer analyzer = new BigramAnalyzerFactory().create();

    assertThat(terms(analyzer, "人口普查數據")).containsExactly("人口", "口普", "普查", "查数", "数据");
    assertThat(terms(analyzer, "人")).containsExactly("人");
    assertThat(terms(analyzer, "ＡＰＩ接口")).containsExactly("api", "接口");
  }

  @Test
  void suggestAnalyzerKeepsTheWholeInputAsOneFoldedToken() throws IOException {
    Analyzer analyzer = new SuggestAnalyzerFactory().create();

    assertThat(terms(analyzer, "人口數據 API")).containsExactly("人口数据 api");
  }

  @Test
  void tokenFiltersFoldAndBuildBigrams() throws IOException {
    WhitespaceTokenizer whitespace = new WhitespaceTokenizer();
    whitespace.setReader(new StringReader("機關 數據"));
    assertThat(drain(new TraditionalToSimplifiedTokenFilterFactory().create(whitespace)))
        .containsExactly("机关", "数据");

    StandardTokenizer standard = new StandardTokenizer();
    standard.setReader(new StringReader("法人数据"));
    assertThat(drain(new CjkBigramTokenFilterFactory().create(standard)))
        .containsExactly("法人", "人数", "数据");
  }

  @Test
  void charFilterFoldsWhatTheTokenizerReads() throws IOException {
    var reader = new TraditionalToSimplifiedCharFilterFactory().create(new StringReader("開放數據"));
    char[] buffer = new char[8];
    int read = reader.read(buffer, 0, buffer.length);

    assertThat(new String(buffer, 0, read)).isEqualTo("开放数据");
  }

  @Test
  void tableHoldsOpenCcsCommonCharacters() {
    assertThat(TraditionalToSimplified.size()).isGreaterThan(2500);
    assertThat(TraditionalToSimplified.fold("廣東統計資訊開放")).isEqualTo("广东统计资讯开放");
    assertThat(TraditionalToSimplified.fold("人口数据 ABC")).isEqualTo("人口数据 ABC");
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    return drain(analyzer.tokenStream("f", text));
  }

  private static List<String> drain(TokenStream stream) throws IOException {
    List<String> terms = new ArrayList<>();
    try (stream) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}
