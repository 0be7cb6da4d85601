package cn.govdata.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * Analyzer {@code govdata_suggest}: the whole input as one folded, lower-cased token, for the
 * completion suggester, so that typing 人口數 suggests 人口数据.
 */
@NamedComponent("govdata_suggest")
public class SuggestAnalyzerFactory implements AnalyzerFactory {

  @Override
  public Analyzer create() {
    return new FoldingAnalyzer(KeywordTokenizer::new, stream -> stream);
  }
}
