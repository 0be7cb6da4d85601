package cn.govdata.search.analysis;

import java.io.Reader;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;

/**
 * The shape of every govdata analyzer: fold traditional characters before the tokenizer reads them,
 * tokenize, lower-case, then the analyzer's own filters. Query-time normalization (used for
 * term-level queries) folds and lower-cases the same way.
 */
final class FoldingAnalyzer extends Analyzer {

  private final Supplier<Tokenizer> tokenizer;
  private final UnaryOperator<TokenStream> filters;

  FoldingAnalyzer(Supplier<Tokenizer> tokenizer, UnaryOperator<TokenStream> filters) {
    this.tokenizer = tokenizer;
    this.filters = filters;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new TraditionalToSimplifiedReader(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = tokenizer.get();
    return new TokenStreamComponents(source, filters.apply(new LowerCaseFilter(source)));
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return new TraditionalToSimplifiedReader(reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
