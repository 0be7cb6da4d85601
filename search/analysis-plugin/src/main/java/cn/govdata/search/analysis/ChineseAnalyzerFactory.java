package cn.govdata.search.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * Analyzer {@code govdata_chinese}: traditional → simplified folding, smart Chinese word
 * segmentation, lower case, punctuation removed (smartcn's own stop set, which is punctuation).
 * 广东省人口數據 → 广东省 / 人口 / 数据.
 */
@NamedComponent("govdata_chinese")
public class ChineseAnalyzerFactory implements AnalyzerFactory {

  @Override
  public Analyzer create() {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new TraditionalToSimplifiedReader(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new HMMChineseTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
        return new TokenStreamComponents(tokenizer, stream);
      }

      @Override
      protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new TraditionalToSimplifiedReader(reader);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }
}
