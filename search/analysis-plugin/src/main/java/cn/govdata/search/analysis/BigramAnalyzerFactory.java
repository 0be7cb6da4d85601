package cn.govdata.search.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * Analyzer {@code govdata_bigram}: traditional → simplified folding, standard tokenizer, full-width
 * folding, lower case, overlapping Han bigrams (a lone Han character stays a unigram). The recall
 * side of Chinese search, independent of the dictionary.
 */
@NamedComponent("govdata_bigram")
public class BigramAnalyzerFactory implements AnalyzerFactory {

  @Override
  public Analyzer create() {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new TraditionalToSimplifiedReader(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }
}
