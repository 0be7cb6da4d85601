package cn.govdata.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code govdata_t2s}: folds traditional characters in tokens, for analyzers whose
 * tokenizer does not depend on the script (keyword, standard); also usable in normalizers.
 */
@NamedComponent("govdata_t2s")
public class TraditionalToSimplifiedTokenFilterFactory implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new TraditionalToSimplifiedFilter(tokenStream);
  }

  @Override
  public TokenStream normalize(TokenStream tokenStream) {
    return create(tokenStream);
  }
}
