package cn.govdata.search.analysis;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** A reader that folds traditional characters to simplified ones as they are read. */
final class TraditionalToSimplifiedReader extends FilterReader {

  TraditionalToSimplifiedReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = in.read();
    return c < 0 ? c : TraditionalToSimplified.fold((char) c);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int read = in.read(buffer, offset, length);
    if (read > 0) {
      TraditionalToSimplified.fold(buffer, offset, read);
    }
    return read;
  }
}
