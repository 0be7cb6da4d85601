package cn.govdata.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
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
    return new FoldingAnalyzer(
        HMMChineseTokenizer::new,
        stream -> new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet()));
  }
}
