package cn.govdata.search.analysis;

import java.io.Reader;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;

/**
 * Char filter {@code govdata_t2s}: folds traditional characters before the tokenizer sees them,
 * which the smart Chinese tokenizer needs because its dictionary is simplified.
 */
@NamedComponent("govdata_t2s")
public class TraditionalToSimplifiedCharFilterFactory implements CharFilterFactory {

  @Override
  public Reader create(Reader reader) {
    return new TraditionalToSimplifiedReader(reader);
  }

  @Override
  public Reader normalize(Reader reader) {
    return create(reader);
  }
}
