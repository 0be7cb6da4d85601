package cn.govdata.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Tokenizer {@code govdata_smartcn}: Lucene's smart Chinese (HMM) word segmentation. */
@NamedComponent("govdata_smartcn")
public class SmartChineseTokenizerFactory implements TokenizerFactory {

  @Override
  public Tokenizer create() {
    return new HMMChineseTokenizer();
  }
}
