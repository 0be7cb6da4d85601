package cn.govdata.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * Analyzer {@code govdata_bigram}: traditional → simplified folding, standard tokenizer, lower
 * case, full-width folding, overlapping Han bigrams (a lone Han character stays a unigram). The
 * recall side of Chinese search, independent of the dictionary.
 */
@NamedComponent("govdata_bigram")
public class BigramAnalyzerFactory implements AnalyzerFactory {

  @Override
  public Analyzer create() {
    return new FoldingAnalyzer(
        StandardTokenizer::new,
        stream -> new CJKBigramFilter(new CJKWidthFilter(stream), CJKBigramFilter.HAN));
  }
}
