package cn.govdata.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code govdata_cjk_bigram}: overlapping bigrams of Han characters after the standard
 * tokenizer, so that a two-character word matches wherever it occurs even when the dictionary
 * segments the text differently (人口普查 holds 人口).
 */
@NamedComponent("govdata_cjk_bigram")
public class CjkBigramTokenFilterFactory implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new CJKBigramFilter(tokenStream, CJKBigramFilter.HAN);
  }
}
